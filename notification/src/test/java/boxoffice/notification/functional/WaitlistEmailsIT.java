package boxoffice.notification.functional;

import static boxoffice.notification.functional.NotificationFixture.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.notification.functional.AppData.Event;
import boxoffice.notification.functional.AppData.User;
import boxoffice.notification.functional.Messages.Place;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Schema version 3: the waiting-list emails, with times in the event's own time zone. */
class WaitlistEmailsIT {
  private static final Instant START = Instant.parse("2027-03-08T19:30:00Z");
  private static final Instant OFFER_ENDS = Instant.parse("2027-03-06T19:00:00Z");
  private static final String BERLIN = "Europe/Berlin";
  @AutoClose static final NotificationFixture fixture = NotificationFixture.started();

  @Test
  void anOfferTellsTheUserUntilWhenTheSeatsAreHeldInTheEventsZone() {
    User ada = fixture.appData.user("Ada <Lovelace>");
    Event event = fixture.appData.event("Rock & <Roll>", "Main Hall", START);
    Place place = new Place(ada, event, 2, BERLIN);
    UUID holdId = UUID.randomUUID();
    UUID messageId = UUID.randomUUID();

    fixture.publish(
        event.id().toString(), Messages.waitlistOffered(messageId, place, holdId, OFFER_ENDS));

    ReceivedEmail email = fixture.mailbox.awaitTo(ada.email(), 1, TIMEOUT).get(0);
    assertThat(email.subject()).isEqualTo("2 seats are yours: Rock & <Roll>");
    assertThat(email.toName()).isEqualTo("Ada <Lovelace>");
    assertThat(email.messageId()).isEqualTo(messageId.toString());
    assertThat(email.contentType()).startsWith("multipart/alternative");
    // 19:00 UTC is 20:00 in Berlin (CET, UTC+1, in March before the switch to summer time).
    assertThat(email.text())
        .contains("Hello Ada <Lovelace>,")
        .contains("held for you until Sat 6 Mar 2027, 20:00 CET (Europe/Berlin).")
        .contains("POST /api/v1/holds/" + holdId + "/confirm")
        .contains("or they pass to the next person on the waiting list")
        .contains("Mon 8 Mar 2027, 20:30 CET (Europe/Berlin)")
        .contains("Main Hall")
        .doesNotContain("UTC");
    assertThat(email.html())
        .contains("Rock &amp; &lt;Roll&gt;")
        .contains("Sat 6 Mar 2027, 20:00 CET (Europe/Berlin)")
        .contains("POST /api/v1/holds/" + holdId + "/confirm")
        .doesNotContain("<Roll>");
  }

  @Test
  void aSingleSeatOfferSpeaksOfOneSeat() {
    User grace = fixture.appData.user("Grace");
    Event event = fixture.appData.event("Jazz Evening", "Blue Room", START);

    fixture.publish(
        event.id().toString(),
        Messages.waitlistOffered(
            UUID.randomUUID(), new Place(grace, event, 1, BERLIN), UUID.randomUUID(), OFFER_ENDS));

    ReceivedEmail email = fixture.mailbox.awaitTo(grace.email(), 1, TIMEOUT).get(0);
    assertThat(email.subject()).isEqualTo("A seat is yours: Jazz Evening");
    assertThat(email.text()).contains("1 seat for Jazz Evening has come free");
  }

  @Test
  void anExpiredOfferGoesToTheAddressTheUserHasNow() {
    User alan = fixture.appData.user("Alan");
    Event event = fixture.appData.event("Chess Night", "Library", START);
    String newAddress = "alan.new." + alan.id() + "@example.test";
    fixture.appData.changeEmail(alan, newAddress);
    UUID holdId = UUID.randomUUID();

    fixture.publish(
        event.id().toString(),
        Messages.waitlistOfferExpired(
            UUID.randomUUID(), new Place(alan, event, 1, "Asia/Tokyo"), holdId));

    ReceivedEmail email = fixture.mailbox.awaitTo(newAddress, 1, TIMEOUT).get(0);
    assertThat(email.subject()).isEqualTo("Your offer expired: Chess Night");
    assertThat(email.text())
        .contains("passed on to the next person on the waiting list")
        .contains("no longer on the waiting list for Chess Night")
        .contains("join it again")
        .contains(holdId.toString())
        // 19:30 UTC is 04:30 the next day in Tokyo.
        .contains("Tue 9 Mar 2027, 04:30 JST (Asia/Tokyo)");
    assertThat(fixture.mailbox.to(alan.email())).isEmpty();
  }

  @Test
  void leavingTheListIsConfirmed() {
    User hedy = fixture.appData.user("Hedy");
    Event event = fixture.appData.event("Film Night", "Cinema", START);

    fixture.publish(
        event.id().toString(),
        Messages.waitlistLeft(UUID.randomUUID(), new Place(hedy, event, 3, BERLIN)));

    ReceivedEmail email = fixture.mailbox.awaitTo(hedy.email(), 1, TIMEOUT).get(0);
    assertThat(email.subject()).isEqualTo("You left the waiting list: Film Night");
    assertThat(email.text())
        .contains("You have left the waiting list for Film Night")
        .contains("3 seats")
        .contains("Mon 8 Mar 2027, 20:30 CET (Europe/Berlin)");
  }

  @Test
  void aCancelledEventEndsThePlaceOnItsWaitingList() {
    User joan = fixture.appData.user("Joan");
    Event event = fixture.appData.event("Opera", "Stage", START);

    fixture.publish(
        event.id().toString(),
        Messages.waitlistClosed(
            UUID.randomUUID(), new Place(joan, event, 1, BERLIN), "EVENT_CANCELLED"));

    ReceivedEmail email = fixture.mailbox.awaitTo(joan.email(), 1, TIMEOUT).get(0);
    assertThat(email.subject()).isEqualTo("Event cancelled: Opera");
    assertThat(email.text())
        .contains("Opera has been cancelled, so your place on its waiting list has ended.");
  }

  @Test
  void aStartedEventClosesItsWaitingList() {
    User ken = fixture.appData.user("Ken");
    Event event = fixture.appData.event("Unix Talk", "Lab", START);

    fixture.publish(
        event.id().toString(),
        Messages.waitlistClosed(
            UUID.randomUUID(), new Place(ken, event, 2, BERLIN), "EVENT_STARTED"));

    ReceivedEmail email = fixture.mailbox.awaitTo(ken.email(), 1, TIMEOUT).get(0);
    assertThat(email.subject()).isEqualTo("Waiting list closed: Unix Talk");
    assertThat(email.text()).contains("the event has started").doesNotContain("cancelled");
  }

  @Test
  void anOfferDeliveredTwiceIsEmailedOnce() {
    User linus = fixture.appData.user("Linus");
    Event event = fixture.appData.event("Kernel Talk", "Aula", START);
    String message =
        Messages.waitlistOffered(
            UUID.randomUUID(), new Place(linus, event, 1, BERLIN), UUID.randomUUID(), OFFER_ENDS);

    fixture.publish(event.id().toString(), message);
    fixture.publish(event.id().toString(), message);
    fixture.drain();

    assertThat(fixture.mailbox.to(linus.email())).hasSize(1);
  }
}
