package boxoffice.app.domain;

import static boxoffice.app.domain.EventStatus.CANCELLED;
import static boxoffice.app.domain.EventStatus.COMPLETED;
import static boxoffice.app.domain.EventStatus.DRAFT;
import static boxoffice.app.domain.EventStatus.PUBLISHED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventTest {
  private static final Instant STARTS_AT = Instant.parse("2027-03-01T19:00:00Z");
  private static final Instant BEFORE_START = STARTS_AT.minus(Duration.ofHours(1));
  private static final Instant AFTER_START = STARTS_AT.plus(Duration.ofHours(1));

  /**
   * Every pair of statuses, long before the start with no seat booked, and after the start with
   * seats booked: the moves allowed (every other move is refused).
   */
  @ParameterizedTest(name = "{0}, {1} may move to: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "before start, unbooked | DRAFT     | PUBLISHED",
        "before start, unbooked | PUBLISHED | DRAFT CANCELLED",
        "before start, unbooked | CANCELLED | ",
        "before start, unbooked | COMPLETED | ",
        "after start, booked    | DRAFT     | PUBLISHED",
        "after start, booked    | PUBLISHED | CANCELLED COMPLETED",
        "after start, booked    | CANCELLED | ",
        "after start, booked    | COMPLETED | "
      })
  void eachMoveIsAllowedOrRefused(String situation, EventStatus from, String allowedTargets) {
    boolean started = situation.startsWith("after");
    Event event = event(from, started ? 3 : 0);
    for (EventStatus to : EventStatus.values()) {
      assertMove(
          event, to, started ? AFTER_START : BEFORE_START, EventStatusTest.in(allowedTargets, to));
    }
  }

  @Test
  void aPublishedEventWithBookedSeatsCannotReturnToDraft() {
    assertThatExceptionOfType(ConflictException.class)
        .isThrownBy(() -> event(PUBLISHED, 1).checkMoveTo(DRAFT, BEFORE_START))
        .withMessageContaining("DRAFT");
    assertThatCode(() -> event(PUBLISHED, 0).checkMoveTo(DRAFT, BEFORE_START))
        .doesNotThrowAnyException();
  }

  @Test
  void anEventCannotBeCompletedBeforeItStarts() {
    Event published = event(PUBLISHED, 2);

    assertThatExceptionOfType(ConflictException.class)
        .isThrownBy(() -> published.checkMoveTo(COMPLETED, BEFORE_START));
    assertThatExceptionOfType(ConflictException.class)
        .isThrownBy(() -> published.checkMoveTo(COMPLETED, STARTS_AT.minusNanos(1)));
    assertThatCode(() -> published.checkMoveTo(COMPLETED, STARTS_AT)).doesNotThrowAnyException();
    assertThatCode(() -> published.checkMoveTo(COMPLETED, AFTER_START)).doesNotThrowAnyException();
  }

  @Test
  void aPublishedEventCanBeCancelledWithBookingsBeforeOrAfterItStarts() {
    assertThatCode(() -> event(PUBLISHED, 5).checkMoveTo(CANCELLED, BEFORE_START))
        .doesNotThrowAnyException();
    assertThatCode(() -> event(PUBLISHED, 5).checkMoveTo(CANCELLED, AFTER_START))
        .doesNotThrowAnyException();
  }

  @Test
  void seatsAvailableAreTheCapacityLessTheSeatsBooked() {
    assertThat(event(PUBLISHED, 0).seatsAvailable(STARTS_AT)).isEqualTo(10);
    assertThat(event(PUBLISHED, 7).seatsAvailable(STARTS_AT)).isEqualTo(3);
    assertThat(event(PUBLISHED, 10).seatsAvailable(STARTS_AT)).isZero();
  }

  @Test
  void anEventHasStartedFromItsStartTimeOn() {
    Event event = event(PUBLISHED, 0);

    assertThat(event.hasStarted(BEFORE_START)).isFalse();
    assertThat(event.hasStarted(STARTS_AT)).isTrue();
    assertThat(event.hasStarted(AFTER_START)).isTrue();
  }

  @Test
  void draftsAreVisibleToAdministratorsOnly() {
    assertThat(event(DRAFT, 0).isVisibleTo(false)).isFalse();
    assertThat(event(DRAFT, 0).isVisibleTo(true)).isTrue();
    for (EventStatus status : new EventStatus[] {PUBLISHED, CANCELLED, COMPLETED}) {
      assertThat(event(status, 0).isVisibleTo(false)).as("%s", status).isTrue();
    }
  }

  private static void assertMove(Event event, EventStatus to, Instant now, boolean allowed) {
    if (allowed) {
      assertThatCode(() -> event.checkMoveTo(to, now))
          .as("%s -> %s", event.status(), to)
          .doesNotThrowAnyException();
    } else {
      assertThatExceptionOfType(ConflictException.class)
          .as("%s -> %s", event.status(), to)
          .isThrownBy(() -> event.checkMoveTo(to, now));
    }
  }

  private static Event event(EventStatus status, int seatsBooked) {
    Instant created = STARTS_AT.minus(Duration.ofDays(30));
    return new Event(
        UUID.randomUUID(),
        "Jazz Night",
        "",
        "Blue Note",
        STARTS_AT,
        STARTS_AT.plus(Duration.ofHours(3)),
        10,
        seatsBooked,
        HeldSeats.NONE,
        10,
        "UTC",
        status,
        1,
        created,
        created);
  }
}
