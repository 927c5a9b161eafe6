package boxoffice.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
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
        .isEqualTo("Mon 1 Mar 2027, 20:00 CET (Europe/Paris)");
    assertThat(new EmailComposer(ZoneId.of("Europe/Paris")).time(START.plusSeconds(120 * 86400)))
        .isEqualTo("Tue 29 Jun 2027, 21:00 CEST (Europe/Paris)");
    assertThat(new EmailComposer(ZoneId.of("Asia/Tokyo")).time(START))
        .isEqualTo("Tue 2 Mar 2027, 04:00 JST (Asia/Tokyo)");
    // A zone without an abbreviation of its own is still named.
    assertThat(new EmailComposer(ZoneId.of("America/Sao_Paulo")).time(START))
        .isEqualTo("Mon 1 Mar 2027, 16:00 GMT-03:00 (America/Sao_Paulo)");
  }

  @Test
  void everyTimeOfAnEmailIsShownInTheComposersZone() {
    EmailComposer tokyo = new EmailComposer(ZoneId.of("Asia/Tokyo"));
    BookingCancelled booking =
        new BookingCancelled(
            UUID.randomUUID(),
            START,
            UUID.randomUUID(),
            UUID.randomUUID(),
            ADA.userId(),
            1,
            CancellationCause.USER,
            "Show",
            START,
            "Hall");
    EventRescheduled moved =
        new EventRescheduled(
            UUID.randomUUID(),
            START,
            UUID.randomUUID(),
            "Show",
            new EventChanges(
                Optional.of(new EventChanges.Change<>(START, START.plusSeconds(3600))),
                Optional.empty(),
                Optional.empty()));

    assertThat(render(tokyo.bookingCancelled(booking, ADA), booking.messageId()).text())
        .contains("When:     Tue 2 Mar 2027, 04:00 JST (Asia/Tokyo)\n")
        .doesNotContain("UTC");
    assertThat(render(tokyo.eventRescheduled(moved, ADA), moved.messageId()).text())
        .contains("before: Tue 2 Mar 2027, 04:00 JST (Asia/Tokyo)\n")
        .contains("now:    Tue 2 Mar 2027, 05:00 JST (Asia/Tokyo)\n");
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

    Email email = render(composer.bookingConfirmed(booking, List.of(), ADA), booking.messageId());

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
  void aConfirmationWithTicketsListsEachCodeAndShowsItsQrCodeInline() {
    TicketCode first = new TicketCode(UUID.randomUUID(), "0123456789abcdef0123456789abcdef");
    TicketCode second = new TicketCode(UUID.randomUUID(), "fedcba9876543210fedcba9876543210");
    BookingCreated booking =
        new BookingCreated(
            UUID.randomUUID(),
            START,
            UUID.randomUUID(),
            UUID.randomUUID(),
            ADA.userId(),
            2,
            "Show",
            START,
            "Hall",
            List.of(first.ticketId(), second.ticketId()));

    Email email =
        render(composer.bookingConfirmed(booking, List.of(first, second), ADA), UUID.randomUUID());

    assertThat(email.text())
        .contains("  Ticket 1 of 2: " + first.code() + "\n")
        .contains("  Ticket 2 of 2: " + second.code() + "\n");
    assertThat(email.html())
        .contains(
            "<img src=\"cid:ticket-"
                + first.ticketId()
                + "@boxoffice\" alt=\"QR code of ticket 1 of 2\"")
        .contains("<img src=\"cid:ticket-" + second.ticketId() + "@boxoffice\"")
        .contains("<code style=\"font-size:16px\">" + second.code() + "</code>");
    assertThat(email.qrCodes())
        .containsExactly(
            new Email.InlineQrCode(
                "ticket-" + first.ticketId() + "@boxoffice",
                "ticket-" + first.ticketId() + ".png",
                first.code()),
            new Email.InlineQrCode(
                "ticket-" + second.ticketId() + "@boxoffice",
                "ticket-" + second.ticketId() + ".png",
                second.code()));
    assertThat(email.toString()).doesNotContain(first.code()).doesNotContain(ADA.email());
  }

  @Test
  void aConfirmationWithoutTicketsHasNoTicketSection() {
    Email email =
        render(
            composer.bookingConfirmed(
                new BookingCreated(
                    UUID.randomUUID(),
                    START,
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    ADA.userId(),
                    1,
                    "Show",
                    START,
                    "Hall"),
                List.of(),
                ADA),
            UUID.randomUUID());

    assertThat(email.text()).doesNotContain("Ticket 1");
    assertThat(email.html()).doesNotContain("<img");
    assertThat(email.qrCodes()).isEmpty();
  }

  @Test
  void aCancelledTicketSaysWhoCancelledItAndWhatIsLeft() {
    UUID bookingId = UUID.randomUUID();
    Email byUser = ticketCancelled(bookingId, 2, TicketCancellationCause.USER);
    Email last = ticketCancelled(bookingId, 0, TicketCancellationCause.USER);
    Email one = ticketCancelled(bookingId, 1, TicketCancellationCause.ADMIN);

    assertThat(byUser.subject()).isEqualTo("Ticket cancelled: Tom & <Jerry>");
    assertThat(byUser.text())
        .contains(
            "One ticket of your booking "
                + bookingId
                + " for Tom & <Jerry> has been cancelled, as you asked.")
        .contains("2 tickets of the booking remain valid.")
        .contains("Tickets left:  2\n")
        .contains("Booking:       " + bookingId + "\n");
    assertThat(byUser.html()).contains("Tom &amp; &lt;Jerry&gt;").doesNotContain("<Jerry>");
    assertThat(last.text())
        .contains("the last ticket of the booking, so the booking is now cancelled")
        .doesNotContain("remain valid");
    assertThat(one.text())
        .contains("has been cancelled by the Boxoffice team.")
        .contains("1 ticket of the booking remains valid.")
        .doesNotContain("as you asked");
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

  private Email ticketCancelled(UUID bookingId, int remaining, TicketCancellationCause cause) {
    TicketCancelled ticket =
        new TicketCancelled(
            UUID.randomUUID(),
            START,
            UUID.randomUUID(),
            bookingId,
            UUID.randomUUID(),
            ADA.userId(),
            remaining,
            cause,
            "Tom & <Jerry>",
            START,
            "Hall");
    return render(composer.ticketCancelled(ticket, ADA), ticket.messageId());
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
