package boxoffice.notification.functional;

import static boxoffice.notification.functional.NotificationFixture.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.notification.functional.AppData.Event;
import boxoffice.notification.functional.AppData.User;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class GracefulShutdownIT {
  // Retries wait 15 to 30 seconds: the service is stopped in the middle of such a wait.
  @AutoClose
  static final NotificationFixture fixture = NotificationFixture.idle(Duration.ofSeconds(30));

  @Test
  void stoppingDuringRetriesEndsPromptlyAndTheMessageIsHandledAfterTheRestart()
      throws InterruptedException {
    Event event =
        fixture.appData.event("Shutdown Show", "Hall", Instant.parse("2027-08-01T19:00:00Z"));
    User user = fixture.appData.user("Patient");
    try (RefusingSmtpServer down = new RefusingSmtpServer(fixture.mailbox.port())) {
      fixture.startService();
      fixture.publish(
          event.id().toString(),
          Messages.bookingCreated(UUID.randomUUID(), fixture.appData.book(event, user, 1)));
      down.awaitConnections(1, TIMEOUT);

      long started = System.nanoTime();
      fixture.stopService();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
      assertThat(down.connections()).isEqualTo(1);
    }

    // Its offset was not committed: the same consumer group gets the message again.
    fixture.mailbox.start();
    fixture.startService();
    fixture.mailbox.awaitTo(user.email(), 1, TIMEOUT);
  }
}
