package boxoffice.notification.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.notification.functional.AppData.Event;
import boxoffice.notification.functional.AppData.User;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class RescheduleFanOutIT {
  private static final Instant OLD_START = Instant.parse("2027-03-01T19:00:00Z");
  private static final Instant NEW_START = Instant.parse("2027-03-08T20:30:00Z");
  private static final Instant NEW_END = Instant.parse("2027-03-08T23:00:00Z");
  @AutoClose static final NotificationFixture fixture = NotificationFixture.started();

  @Test
  void everyConfirmedHolderGetsExactlyOneEmailWithTheOldAndNewTimes() {
    Event event = fixture.appData.event("Symphony <No. 9>", "Concert Hall", OLD_START);
    User first = fixture.appData.user("First Holder");
    User second = fixture.appData.user("Second Holder");
    User third = fixture.appData.user("Third Holder");
    fixture.appData.book(event, first, 2);
    fixture.appData.book(event, second, 1);
    // Two bookings, one person: one email.
    fixture.appData.book(event, third, 1);
    fixture.appData.book(event, third, 3);
    User cancelled = fixture.appData.user("Cancelled Holder");
    fixture.appData.cancel(fixture.appData.book(event, cancelled, 1));
    User elsewhere = fixture.appData.user("Other Event Holder");
    fixture.appData.book(
        fixture.appData.event("Another Show", "Elsewhere", OLD_START), elsewhere, 1);

    fixture.publish(
        event.id().toString(),
        Messages.eventRescheduled(UUID.randomUUID(), event, NEW_START, NEW_END, null));
    fixture.drain();

    for (User holder : List.of(first, second, third)) {
      List<ReceivedEmail> emails = fixture.mailbox.to(holder.email());
      assertThat(emails).as(holder.name()).hasSize(1);
      ReceivedEmail email = emails.get(0);
      assertThat(email.subject()).isEqualTo("Event rescheduled: Symphony <No. 9>");
      assertThat(email.text())
          .contains("Hello " + holder.name())
          .contains("Mon 1 Mar 2027, 19:00 UTC")
          .contains("Mon 8 Mar 2027, 20:30 UTC")
          .contains("Mon 1 Mar 2027, 21:00 UTC")
          .contains("Mon 8 Mar 2027, 23:00 UTC");
      assertThat(email.html())
          .contains("Symphony &lt;No. 9&gt;")
          .contains("Mon 1 Mar 2027, 19:00 UTC")
          .contains("Mon 8 Mar 2027, 20:30 UTC");
    }
    assertThat(fixture.mailbox.to(cancelled.email())).isEmpty();
    assertThat(fixture.mailbox.to(elsewhere.email())).isEmpty();
  }

  @Test
  void aNewVenueIsAnnouncedAsAMove() {
    Event event = fixture.appData.event("Poetry Slam", "Old Cellar", OLD_START);
    User holder = fixture.appData.user("Venue Holder");
    fixture.appData.book(event, holder, 1);

    fixture.publish(
        event.id().toString(),
        Messages.eventRescheduled(UUID.randomUUID(), event, null, null, "New Theatre & Bar"));

    ReceivedEmail email =
        fixture.mailbox.awaitTo(holder.email(), 1, NotificationFixture.TIMEOUT).get(0);
    assertThat(email.subject()).isEqualTo("Event moved: Poetry Slam");
    assertThat(email.text()).contains("Old Cellar").contains("New Theatre & Bar");
    assertThat(email.html()).contains("New Theatre &amp; Bar");
  }

  @Test
  void aFanOutCutShortBeforeResumesWithOnlyTheHoldersNotEmailedYet() {
    Event event = fixture.appData.event("Marathon", "Stadium", OLD_START);
    User emailedBefore = fixture.appData.user("Already Told");
    User second = fixture.appData.user("Not Told Yet");
    User third = fixture.appData.user("Also Not Told");
    for (User user : List.of(emailedBefore, second, third)) {
      fixture.appData.book(event, user, 1);
    }
    UUID messageId = UUID.randomUUID();
    // As if the service crashed after emailing one holder, before committing the offset.
    fixture.recordSent(messageId, emailedBefore.id());

    fixture.publish(
        event.id().toString(), Messages.eventRescheduled(messageId, event, NEW_START, null, null));
    fixture.drain();

    assertThat(fixture.mailbox.to(emailedBefore.email())).isEmpty();
    assertThat(fixture.mailbox.to(second.email())).hasSize(1);
    assertThat(fixture.mailbox.to(third.email())).hasSize(1);
  }

  @Test
  void anEventWithoutHoldersEmailsNobody() {
    Event event = fixture.appData.event("Empty Room", "Attic", OLD_START);
    int before = fixture.mailbox.all().size();

    fixture.publish(
        event.id().toString(),
        Messages.eventRescheduled(UUID.randomUUID(), event, NEW_START, null, null));
    fixture.drain();

    // Only the marker email of drain() arrived.
    assertThat(fixture.mailbox.all()).hasSize(before + 1);
  }
}
