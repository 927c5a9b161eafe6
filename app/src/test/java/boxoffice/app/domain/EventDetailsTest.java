package boxoffice.app.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class EventDetailsTest {
  private static final Instant START = Instant.parse("2027-03-01T19:00:00Z");
  private static final Instant END = START.plus(Duration.ofHours(3));

  @Test
  void validDetailsKeepTheirValues() {
    EventDetails details =
        new EventDetails("Jazz Night", "Live", "Blue Note", START, END, 120, null, null);

    assertThat(details.title()).isEqualTo("Jazz Night");
    assertThat(details.description()).isEqualTo("Live");
    assertThat(details.venue()).isEqualTo("Blue Note");
    assertThat(details.startsAt()).isEqualTo(START);
    assertThat(details.endsAt()).isEqualTo(END);
    assertThat(details.capacity()).isEqualTo(120);
  }

  @Test
  void titleAndVenueAreTrimmedAndAMissingDescriptionIsEmpty() {
    EventDetails details =
        new EventDetails("  Jazz Night \t", null, " Blue Note ", START, END, 1, null, null);

    assertThat(details.title()).isEqualTo("Jazz Night");
    assertThat(details.venue()).isEqualTo("Blue Note");
    assertThat(details.description()).isEmpty();
  }

  @Test
  void theTitleIsRequiredAndOneTo200Characters() {
    assertRefused(() -> details(null, "", "Venue", 10), "title");
    assertRefused(() -> details("", "", "Venue", 10), "title");
    assertRefused(() -> details("   ", "", "Venue", 10), "title");
    assertRefused(() -> details("t".repeat(201), "", "Venue", 10), "title");
    assertThat(details("t", "", "Venue", 10).title()).isEqualTo("t");
    assertThat(details("t".repeat(200), "", "Venue", 10).title()).hasSize(200);
  }

  @Test
  void theTitleLimitCountsCharactersNotUtf16Units() {
    // 200 characters outside the Basic Multilingual Plane: 400 UTF-16 code units. The database
    // (char_length) and the comment rule both count characters, so this title fits.
    String title = "🎷".repeat(200);

    assertThat(details(title, "", "Venue", 10).title()).isEqualTo(title);
  }

  @Test
  void theDescriptionIsAtMost5000Characters() {
    assertThat(details("Title", "d".repeat(5000), "Venue", 10).description()).hasSize(5000);
    assertRefused(() -> details("Title", "d".repeat(5001), "Venue", 10), "description");
  }

  @Test
  void theVenueIsRequiredAndOneTo200Characters() {
    assertRefused(() -> details("Title", "", null, 10), "venue");
    assertRefused(() -> details("Title", "", "  ", 10), "venue");
    assertRefused(() -> details("Title", "", "v".repeat(201), 10), "venue");
    assertThat(details("Title", "", "v".repeat(200), 10).venue()).hasSize(200);
  }

  @Test
  void theCapacityIsRequiredAndFromOneToAMillion() {
    assertRefused(() -> details("Title", "", "Venue", null), "capacity");
    assertRefused(() -> details("Title", "", "Venue", 0), "capacity");
    assertRefused(() -> details("Title", "", "Venue", -1), "capacity");
    assertRefused(() -> details("Title", "", "Venue", 1_000_001), "capacity");
    assertThat(details("Title", "", "Venue", 1).capacity()).isEqualTo(1);
    assertThat(details("Title", "", "Venue", 1_000_000).capacity()).isEqualTo(1_000_000);
  }

  @Test
  void bothTimesAreRequiredAndTheEndComesAfterTheStart() {
    assertRefused(
        () -> new EventDetails("Title", "", "Venue", null, END, 10, null, null), "startsAt");
    assertRefused(
        () -> new EventDetails("Title", "", "Venue", START, null, 10, null, null), "endsAt");
    assertRefused(
        () -> new EventDetails("Title", "", "Venue", START, START, 10, null, null), "endsAt");
    assertRefused(
        () -> new EventDetails("Title", "", "Venue", START, START.minusSeconds(1), 10, null, null),
        "endsAt");
    assertThat(
            new EventDetails("Title", "", "Venue", START, START.plusNanos(1000), 10, null, null)
                .endsAt())
        .isAfter(START);
  }

  @Test
  void everyViolationIsReportedAtOnce() {
    ValidationException e =
        catchThrowableOfType(
            ValidationException.class,
            () -> new EventDetails(" ", null, null, null, null, 0, null, null));

    assertThat(e.violations())
        .extracting(FieldViolation::field)
        .containsExactlyInAnyOrder("title", "venue", "startsAt", "endsAt", "capacity");
    assertThat(e.violations())
        .filteredOn(v -> v.field().equals("startsAt"))
        .extracting(FieldViolation::field, FieldViolation::message)
        .containsExactly(tuple("startsAt", "is required"));
  }

  @Test
  void detailsAreCopiedFromAnEvent() {
    Event event =
        new Event(
            java.util.UUID.randomUUID(),
            "Jazz Night",
            "Live",
            "Blue Note",
            START,
            END,
            50,
            5,
            HeldSeats.NONE,
            4,
            "Europe/Berlin",
            EventStatus.PUBLISHED,
            3,
            START.minusSeconds(3600),
            START.minusSeconds(60));

    assertThat(EventDetails.of(event))
        .isEqualTo(
            new EventDetails(
                "Jazz Night", "Live", "Blue Note", START, END, 50, 4, "Europe/Berlin"));
  }

  private static EventDetails details(
      String title, String description, String venue, Integer capacity) {
    return new EventDetails(title, description, venue, START, END, capacity, null, null);
  }

  private static void assertRefused(ThrowingCallable call, String field) {
    ValidationException e = catchThrowableOfType(ValidationException.class, call);
    assertThat(e).as("expected a violation of %s", field).isNotNull();
    assertThat(e.violations()).extracting(FieldViolation::field).containsExactly(field);
  }

  @Test
  void theTicketLimitIsOneToAHundredOrLeftToTheDefault() {
    EventDetails unset = new EventDetails("Title", "", "Venue", START, END, 10, null, null);
    assertThat(unset.withDefaults(7, "UTC").maxTicketsPerUser()).isEqualTo(7);
    assertThat(
            new EventDetails("Title", "", "Venue", START, END, 10, 3, null).withDefaults(7, "UTC"))
        .extracting(EventDetails::maxTicketsPerUser)
        .isEqualTo(3);
    assertThat(
            new EventDetails("Title", "", "Venue", START, END, 10, 100, null).maxTicketsPerUser())
        .isEqualTo(100);
    assertRefused(
        () -> new EventDetails("Title", "", "Venue", START, END, 10, 0, null), "maxTicketsPerUser");
    assertRefused(
        () -> new EventDetails("Title", "", "Venue", START, END, 10, 101, null),
        "maxTicketsPerUser");
  }

  @Test
  void theTimeZoneIsAnIanaRegionName() {
    assertThat(new EventDetails("T", "", "V", START, END, 10, null, "Asia/Tokyo").timeZone())
        .isEqualTo("Asia/Tokyo");
    for (String zone : new String[] {"+01:00", "CET-ish", "Mars/Olympus", "", "x".repeat(100)}) {
      assertRefused(() -> new EventDetails("T", "", "V", START, END, 10, null, zone), "timeZone");
    }
    assertThat(new EventDetails("T", "", "V", START, END, 10, null, null).withDefaults(10, "UTC"))
        .extracting(EventDetails::timeZone)
        .isEqualTo("UTC");
  }
}
