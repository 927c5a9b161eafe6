package boxoffice.notification.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.notification.functional.AppData.Booking;
import boxoffice.notification.functional.AppData.Event;
import boxoffice.notification.functional.AppData.User;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class RedeliveryIT {
  private static final Instant START = Instant.parse("2027-05-01T18:00:00Z");
  @AutoClose static final NotificationFixture fixture = NotificationFixture.started();

  @Test
  void theSameMessageDeliveredTwiceSendsOneEmail() {
    User user = fixture.appData.user("Twice Sent");
    Event event = fixture.appData.event("Repeat Show", "Hall", START);
    Booking booking = fixture.appData.book(event, user, 1);
    String message = Messages.bookingCreated(UUID.randomUUID(), booking);

    fixture.publish(event.id().toString(), message);
    fixture.publish(event.id().toString(), message);
    fixture.drain();

    assertThat(fixture.mailbox.to(user.email())).hasSize(1);
  }

  @Test
  void replayingTheWholeTopicFromTheStartSendsNothingAgain() {
    User user = fixture.appData.user("Replayed");
    Event event = fixture.appData.event("Replay Show", "Hall", START);
    User holder = fixture.appData.user("Replayed Holder");
    fixture.appData.book(event, holder, 1);
    Booking booking = fixture.appData.book(event, user, 2);
    fixture.publish(event.id().toString(), Messages.bookingCreated(UUID.randomUUID(), booking));
    fixture.publish(
        event.id().toString(),
        Messages.eventRescheduled(UUID.randomUUID(), event, START.plusSeconds(3600), null, null));
    fixture.drain();
    int emailsBefore = fixture.mailbox.all().size();

    // A new consumer group has no offsets: it reads every message again from the beginning.
    fixture.stopService();
    fixture.startService("replay-" + UUID.randomUUID());
    fixture.drain();

    assertThat(fixture.mailbox.to(user.email())).hasSize(2);
    assertThat(fixture.mailbox.to(holder.email())).hasSize(1);
    // Only drain()'s new marker email arrived.
    assertThat(fixture.mailbox.all()).hasSize(emailsBefore + 1);
  }
}
