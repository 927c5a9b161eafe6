package boxoffice.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EmailsTest {
  private static final Instant START = Instant.parse("2027-03-01T19:00:00Z");
  private static final Recipient ADA =
      new Recipient(UUID.randomUUID(), "ada@example.test", "Ada <script>");

  private final EmailComposer composer = new EmailComposer(ZoneId.of("UTC"));
  private final EmailRenderer renderer = new EmailRenderer();

  @Test
  void timesAreShownWithTheirZone() {
    assertThat(composer.time(START)).isEqualTo("Mon 1 Mar 2027, 19:00 UTC");
    assertThat(new EmailComposer(ZoneId.of("Europe/Paris")).time(START))
        .isEqualTo("Mon 1 Mar 2027, 20:00 CET");
    assertThat(new EmailComposer(ZoneId.of("Europe/Paris")).time(START.plusSeconds(120 * 86400)))
        .isEqualTo("Tue 29 Jun 2027, 21:00 CEST");
  }

  @Test
  void aConfirmationCarriesTheFactsInBothParts() {
    UUID bookingId = UUID.randomUUID();
    BookingCreated booking =
        new BookingCreated(
            UUID.randomUUID(),
            START,
            bookingId,
            UUID.randomUUID(),
            ADA.userId(),
            3,
            "Tom & Jerry's <Live>",
            START,
            "Arena \"North\"");

    Email email = render(composer.bookingConfirmed(booking, ADA), booking.messageId());

    assertThat(email.subject()).isEqualTo("Booking confirmed: Tom & Jerry's <Live>");
    assertThat(email.text())
        .startsWith("Hello Ada <script>,\n\nYour booking for Tom & Jerry's <Live> is confirmed.")
        .contains("When:     Mon 1 Mar 2027, 19:00 UTC\n")
        .contains("Venue:    Arena \"North\"\n")
        .contains("Tickets:  3\n")
        .contains("Booking:  " + bookingId + "\n");
    assertThat(email.html())
        .contains("Hello Ada &lt;script&gt;,")
        .contains("Tom &amp; Jerry&#39;s &lt;Live&gt;")
        .contains("Arena &quot;North&quot;")
        .contains("<title>Booking confirmed: Tom &amp; Jerry&#39;s &lt;Live&gt;</title>")
        .doesNotContain("<script>")
        .doesNotContain("<Live>");
  }

  @Test
  void eachCancellationCauseHasItsOwnWords() {
    assertThat(cancelled(CancellationCause.USER).subject()).isEqualTo("Booking cancelled: Show");
    assertThat(cancelled(CancellationCause.USER).text()).contains("as you asked");
    assertThat(cancelled(CancellationCause.ADMIN).subject()).isEqualTo("Booking cancelled: Show");
    assertThat(cancelled(CancellationCause.ADMIN).text()).contains("by the Boxoffice team");
    assertThat(cancelled(CancellationCause.EVENT_CANCELLED).subject())
        .isEqualTo("Event cancelled: Show");
    assertThat(cancelled(CancellationCause.EVENT_CANCELLED).text())
        .contains("Show has been cancelled");
  }

  @Test
  void aRescheduleNamesWhatChangedBeforeAndNow() {
    Email both =
        rescheduled(
            new EventChanges(
                Optional.of(new EventChanges.Change<>(START, START.plusSeconds(3600))),
                Optional.empty(),
                Optional.of(new EventChanges.Change<>("Old <Hall>", "New Hall"))));
    Email timeOnly =
        rescheduled(
            new EventChanges(
                Optional.empty(),
                Optional.of(new EventChanges.Change<>(START, START.plusSeconds(7200))),
                Optional.empty()));

    assertThat(both.subject()).isEqualTo("Event rescheduled and moved: Show");
    assertThat(both.text())
        .contains(
            "  Starts\n    before: Mon 1 Mar 2027, 19:00 UTC\n    now:    Mon 1 Mar 2027, 20:00 UTC\n")
        .contains("  Venue\n    before: Old <Hall>\n    now:    New Hall\n");
    assertThat(both.html()).contains("Old &lt;Hall&gt;").contains("New Hall");
    assertThat(timeOnly.subject()).isEqualTo("Event rescheduled: Show");
    assertThat(timeOnly.text()).contains("Ends").doesNotContain("Starts");
  }

  @Test
  void aSubjectStaysOnOneLine() {
    Email email =
        new Email(UUID.randomUUID(), ADA, "Booking confirmed: Line\r\nBcc: x@example.test", "", "");

    assertThat(email.subject()).isEqualTo("Booking confirmed: Line Bcc: x@example.test");
  }

  private Email cancelled(CancellationCause cause) {
    BookingCancelled booking =
        new BookingCancelled(
            UUID.randomUUID(),
            START,
            UUID.randomUUID(),
            UUID.randomUUID(),
            ADA.userId(),
            1,
            cause,
            "Show",
            START,
            "Hall");
    return render(composer.bookingCancelled(booking, ADA), booking.messageId());
  }

  private Email rescheduled(EventChanges changes) {
    EventRescheduled event =
        new EventRescheduled(UUID.randomUUID(), START, UUID.randomUUID(), "Show", changes);
    return render(composer.eventRescheduled(event, ADA), event.messageId());
  }

  private Email render(EmailContent content, UUID messageId) {
    return renderer.render(messageId, ADA, content);
  }
}
