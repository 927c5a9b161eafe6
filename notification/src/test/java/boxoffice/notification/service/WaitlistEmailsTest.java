package boxoffice.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The waiting-list emails (schema version 3), shown in the event's time zone. */
class WaitlistEmailsTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant STARTS = Instant.parse("2027-03-08T19:30:00Z");
  private static final Instant EXPIRES = Instant.parse("2027-03-06T19:00:00Z");
  private static final Recipient ADA =
      new Recipient(UUID.randomUUID(), "ada@example.test", "Ada <script>");
  private static final String TITLE = "Tom & <Jerry>";
  private static final UUID HOLD = UUID.fromString("9d3c2b1a-4e5f-4a6b-8c7d-0e1f2a3b4c5d");

  private final EmailComposer composer = new EmailComposer(BERLIN);
  private final EmailRenderer renderer = new EmailRenderer();

  @Test
  void anOfferSaysUntilWhenTheSeatIsHeldInTheEventsZoneAndHowToConfirmIt() {
    Email email = render(composer.waitlistOffered(offered(1), ADA));

    assertThat(email.subject()).isEqualTo("A seat is yours: Tom & <Jerry>");
    assertThat(email.text())
        .startsWith("Hello Ada <script>,\n\nGood news: 1 seat for Tom & <Jerry> has come free")
        .contains("held for you until Sat 6 Mar 2027, 20:00 CET (Europe/Berlin).")
        .contains("Confirm it before then with POST /api/v1/holds/" + HOLD + "/confirm,")
        .contains("or it passes to the next person on the waiting list.")
        .contains("When:        Mon 8 Mar 2027, 20:30 CET (Europe/Berlin)\n")
        .contains("Venue:       Main Hall\n")
        .contains("Seats:       1\n")
        .contains("Held until:  Sat 6 Mar 2027, 20:00 CET (Europe/Berlin)\n")
        .contains("Hold:        " + HOLD + "\n")
        .doesNotContain("UTC");
    assertThat(email.html())
        .contains("<title>A seat is yours: Tom &amp; &lt;Jerry&gt;</title>")
        .contains("Hello Ada &lt;script&gt;,")
        .contains("Sat 6 Mar 2027, 20:00 CET (Europe/Berlin)")
        .contains("POST /api/v1/holds/" + HOLD + "/confirm")
        .doesNotContain("<Jerry>")
        .doesNotContain("<script>");
  }

  @Test
  void anOfferOfSeveralSeatsSpeaksOfThemAll() {
    Email email = render(composer.waitlistOffered(offered(3), ADA));

    assertThat(email.subject()).isEqualTo("3 seats are yours: Tom & <Jerry>");
    assertThat(email.text())
        .contains("3 seats for Tom & <Jerry> have come free and are held for you until")
        .contains("Confirm them before then")
        .contains("or they pass to the next person on the waiting list.")
        .contains("Seats:       3\n");
  }

  @Test
  void anExpiredOfferSaysTheSeatsWerePassedOnAndTheUserMayJoinAgain() {
    WaitlistOfferExpired expired =
        new WaitlistOfferExpired(
            UUID.randomUUID(),
            EXPIRES,
            UUID.randomUUID(),
            UUID.randomUUID(),
            ADA.userId(),
            2,
            HOLD,
            TITLE,
            STARTS,
            "Main Hall",
            BERLIN);

    Email email = render(composer.waitlistOfferExpired(expired, ADA));

    assertThat(email.subject()).isEqualTo("Your offer expired: Tom & <Jerry>");
    assertThat(email.text())
        .contains("The 2 seats held for you for Tom & <Jerry> were not confirmed in time")
        .contains("passed on to the next person on the waiting list")
        .contains("You are no longer on the waiting list for Tom & <Jerry>")
        .contains("welcome to join it again")
        .contains("When:   Mon 8 Mar 2027, 20:30 CET (Europe/Berlin)\n")
        .contains("Hold:   " + HOLD + "\n");
    assertThat(email.html()).contains("Tom &amp; &lt;Jerry&gt;").doesNotContain("<Jerry>");
  }

  @Test
  void leavingTheListIsConfirmed() {
    WaitlistLeft left =
        new WaitlistLeft(
            UUID.randomUUID(),
            EXPIRES,
            UUID.randomUUID(),
            UUID.randomUUID(),
            ADA.userId(),
            1,
            TITLE,
            STARTS,
            "Main Hall",
            BERLIN);

    Email email = render(composer.waitlistLeft(left, ADA));

    assertThat(email.subject()).isEqualTo("You left the waiting list: Tom & <Jerry>");
    assertThat(email.text())
        .contains("You have left the waiting list for Tom & <Jerry>, where you were waiting for 1")
        .contains("Mon 8 Mar 2027, 20:30 CET (Europe/Berlin)");
  }

  @Test
  void eachClosingCauseHasItsOwnWords() {
    Email cancelled = closed(WaitlistClosedCause.EVENT_CANCELLED);
    Email completed = closed(WaitlistClosedCause.EVENT_COMPLETED);
    Email started = closed(WaitlistClosedCause.EVENT_STARTED);

    assertThat(cancelled.subject()).isEqualTo("Event cancelled: Tom & <Jerry>");
    assertThat(cancelled.text())
        .contains("Tom & <Jerry> has been cancelled, so your place on its waiting list has ended.");
    assertThat(completed.subject()).isEqualTo("Waiting list closed: Tom & <Jerry>");
    assertThat(completed.text()).contains("as the event is over").doesNotContain("cancelled");
    assertThat(started.subject()).isEqualTo("Waiting list closed: Tom & <Jerry>");
    assertThat(started.text())
        .contains("as the event has started: no more seats will be offered")
        .doesNotContain("cancelled");
    for (Email email : List.of(cancelled, completed, started)) {
      assertThat(email.text()).contains("When:   Mon 8 Mar 2027, 20:30 CET (Europe/Berlin)\n");
      assertThat(email.html()).doesNotContain("<Jerry>");
    }
  }

  private WaitlistOffered offered(int quantity) {
    return new WaitlistOffered(
        UUID.randomUUID(),
        EXPIRES.minusSeconds(3600),
        UUID.randomUUID(),
        UUID.randomUUID(),
        ADA.userId(),
        quantity,
        HOLD,
        EXPIRES,
        TITLE,
        STARTS,
        "Main Hall",
        BERLIN);
  }

  private Email closed(WaitlistClosedCause cause) {
    WaitlistClosed closed =
        new WaitlistClosed(
            UUID.randomUUID(),
            STARTS,
            UUID.randomUUID(),
            UUID.randomUUID(),
            ADA.userId(),
            2,
            cause,
            TITLE,
            STARTS,
            "Main Hall",
            BERLIN);
    return render(composer.waitlistClosed(closed, ADA));
  }

  private Email render(EmailContent content) {
    return renderer.render(UUID.randomUUID(), ADA, content);
  }
}
