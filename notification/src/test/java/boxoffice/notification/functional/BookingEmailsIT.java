package boxoffice.notification.functional;

import static boxoffice.notification.functional.NotificationFixture.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.notification.functional.AppData.Booking;
import boxoffice.notification.functional.AppData.Event;
import boxoffice.notification.functional.AppData.User;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class BookingEmailsIT {
  private static final Instant MARCH_FIRST_7PM = Instant.parse("2027-03-01T19:00:00Z");
  @AutoClose static final NotificationFixture fixture = NotificationFixture.started();

  @Test
  void aNewBookingEmailsTheBookerAConfirmationInTextAndHtml() {
    User ada = fixture.appData.user("Ada <Lovelace>");
    Event event = fixture.appData.event("Rock & <Roll> \"Night\"", "Hall & Co", MARCH_FIRST_7PM);
    Booking booking = fixture.appData.book(event, ada, 2);
    UUID messageId = UUID.randomUUID();

    fixture.publish(event.id().toString(), Messages.bookingCreated(messageId, booking));

    ReceivedEmail email = fixture.mailbox.awaitTo(ada.email(), 1, TIMEOUT).get(0);
    assertThat(email.toName()).isEqualTo("Ada <Lovelace>");
    assertThat(email.from()).contains("tickets@boxoffice.test");
    assertThat(email.subject()).isEqualTo("Booking confirmed: Rock & <Roll> \"Night\"");
    assertThat(email.contentType()).startsWith("multipart/alternative");
    assertThat(email.messageId()).isEqualTo(messageId.toString());
    assertThat(email.text())
        .contains("Hello Ada <Lovelace>,")
        .contains("Rock & <Roll> \"Night\"")
        .contains("Mon 1 Mar 2027, 19:00 UTC")
        .contains("Hall & Co")
        .contains("Tickets:")
        .contains(booking.id().toString());
    assertThat(email.html())
        .contains("Rock &amp; &lt;Roll&gt; &quot;Night&quot;")
        .contains("Hello Ada &lt;Lovelace&gt;,")
        .contains("Hall &amp; Co")
        .contains("Mon 1 Mar 2027, 19:00 UTC")
        .contains(booking.id().toString())
        .doesNotContain("<Roll>")
        .doesNotContain("<Lovelace>");
  }

  @Test
  void aBookingCancelledByItsBookerIsConfirmedToThem() {
    User grace = fixture.appData.user("Grace");
    Event event = fixture.appData.event("Jazz Evening", "Blue Room", MARCH_FIRST_7PM);
    Booking booking = fixture.appData.book(event, grace, 1);
    fixture.appData.cancel(booking);

    fixture.publish(
        event.id().toString(), Messages.bookingCancelled(UUID.randomUUID(), booking, "USER"));

    ReceivedEmail email = fixture.mailbox.awaitTo(grace.email(), 1, TIMEOUT).get(0);
    assertThat(email.subject()).isEqualTo("Booking cancelled: Jazz Evening");
    assertThat(email.text()).contains("as you asked").contains(booking.id().toString());
    assertThat(email.html()).contains("as you asked").contains(booking.id().toString());
  }

  @Test
  void aBookingCancelledByAnAdministratorSaysWhoCancelledIt() {
    User alan = fixture.appData.user("Alan");
    Event event = fixture.appData.event("Chess Night", "Library", MARCH_FIRST_7PM);
    Booking booking = fixture.appData.book(event, alan, 1);

    fixture.publish(
        event.id().toString(), Messages.bookingCancelled(UUID.randomUUID(), booking, "ADMIN"));

    ReceivedEmail email = fixture.mailbox.awaitTo(alan.email(), 1, TIMEOUT).get(0);
    assertThat(email.subject()).isEqualTo("Booking cancelled: Chess Night");
    assertThat(email.text()).contains("by the Boxoffice team");
  }

  @Test
  void aCancelledEventEmailsEachOfItsHoldersExactlyOnce() {
    Event event = fixture.appData.event("Open Air", "Park", MARCH_FIRST_7PM);
    List<User> holders =
        List.of(
            fixture.appData.user("Holder One"),
            fixture.appData.user("Holder Two"),
            fixture.appData.user("Holder Three"));
    for (User holder : holders) {
      Booking booking = fixture.appData.book(event, holder, 2);
      fixture.appData.cancel(booking);
      fixture.publish(
          event.id().toString(),
          Messages.bookingCancelled(UUID.randomUUID(), booking, "EVENT_CANCELLED"));
    }

    fixture.drain();

    for (User holder : holders) {
      List<ReceivedEmail> emails = fixture.mailbox.to(holder.email());
      assertThat(emails).hasSize(1);
      assertThat(emails.get(0).subject()).isEqualTo("Event cancelled: Open Air");
      assertThat(emails.get(0).text())
          .contains("has been cancelled")
          .contains("Mon 1 Mar 2027, 19:00 UTC");
    }
  }

  @Test
  void theEmailGoesToTheAddressTheUserHasWhenTheMessageIsHandled() {
    User linus = fixture.appData.user("Linus");
    Event event = fixture.appData.event("Kernel Talk", "Aula", MARCH_FIRST_7PM);
    Booking booking = fixture.appData.book(event, linus, 1);
    String newAddress = "linus.new." + linus.id() + "@example.test";
    fixture.appData.changeEmail(linus, newAddress);

    fixture.publish(event.id().toString(), Messages.bookingCreated(UUID.randomUUID(), booking));

    fixture.mailbox.awaitTo(newAddress, 1, TIMEOUT);
    assertThat(fixture.mailbox.to(linus.email())).isEmpty();
  }
}
