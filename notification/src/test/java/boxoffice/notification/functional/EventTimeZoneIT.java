package boxoffice.notification.functional;

import static boxoffice.notification.functional.NotificationFixture.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.notification.functional.AppData.Booking;
import boxoffice.notification.functional.AppData.Event;
import boxoffice.notification.functional.AppData.User;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The types that precede version 3 may name their event's time zone: their emails show times in it,
 * and in MAIL_TIME_ZONE (UTC here) when the zone is missing or not a zone name.
 */
class EventTimeZoneIT {
  private static final Instant START = Instant.parse("2027-03-01T19:00:00Z");
  @AutoClose static final NotificationFixture fixture = NotificationFixture.started();

  @Test
  void aConfirmationNamingTokyoShowsTokyoTime() {
    User ada = fixture.appData.user("Ada");
    Event event = fixture.appData.event("Rock Night", "Hall", START);
    Booking booking = fixture.appData.book(event, ada, 1);

    fixture.publish(
        event.id().toString(),
        Messages.withTimeZone(Messages.bookingCreated(UUID.randomUUID(), booking), "Asia/Tokyo"));

    ReceivedEmail email = fixture.mailbox.awaitTo(ada.email(), 1, TIMEOUT).get(0);
    // 19:00 UTC on 1 March is 04:00 on 2 March in Tokyo.
    assertThat(email.text())
        .contains("Tue 2 Mar 2027, 04:00 JST (Asia/Tokyo)")
        .doesNotContain("UTC");
    assertThat(email.html()).contains("Tue 2 Mar 2027, 04:00 JST (Asia/Tokyo)");
  }

  @Test
  void aVersion3CancellationIsShownInItsEventsZone() {
    User grace = fixture.appData.user("Grace");
    Event event = fixture.appData.event("Jazz", "Blue Room", START);
    Booking booking = fixture.appData.book(event, grace, 1);
    String message =
        Messages.withSchemaVersion(
            Messages.withTimeZone(
                Messages.bookingCancelled(UUID.randomUUID(), booking, "USER"), "Europe/Berlin"),
            3);

    fixture.publish(event.id().toString(), message);

    ReceivedEmail email = fixture.mailbox.awaitTo(grace.email(), 1, TIMEOUT).get(0);
    assertThat(email.subject()).isEqualTo("Booking cancelled: Jazz");
    assertThat(email.text()).contains("Mon 1 Mar 2027, 20:00 CET (Europe/Berlin)");
  }

  @Test
  void aZoneThatIsNoZoneNameFallsBackToTheConfiguredZone() {
    User alan = fixture.appData.user("Alan");
    Event event = fixture.appData.event("Chess Night", "Library", START);
    Booking booking = fixture.appData.book(event, alan, 1);

    fixture.publish(
        event.id().toString(),
        Messages.withTimeZone(
            Messages.bookingCancelled(UUID.randomUUID(), booking, "ADMIN"), "Mars/Olympus"));

    ReceivedEmail email = fixture.mailbox.awaitTo(alan.email(), 1, TIMEOUT).get(0);
    assertThat(email.subject()).isEqualTo("Booking cancelled: Chess Night");
    // Emailed, not dead-lettered: the zone is optional for this type.
    assertThat(email.text()).contains("Mon 1 Mar 2027, 19:00 UTC").doesNotContain("Mars");
  }

  @Test
  void aRescheduleShowsTheOldAndNewTimesInTheEventsZone() {
    Event event = fixture.appData.event("Symphony", "Concert Hall", START);
    User holder = fixture.appData.user("Holder");
    fixture.appData.book(event, holder, 1);

    fixture.publish(
        event.id().toString(),
        Messages.withTimeZone(
            Messages.eventRescheduled(
                UUID.randomUUID(), event, Instant.parse("2027-03-08T20:30:00Z"), null, null),
            "Asia/Tokyo"));

    ReceivedEmail email = fixture.mailbox.awaitTo(holder.email(), 1, TIMEOUT).get(0);
    assertThat(email.text())
        .contains("before: Tue 2 Mar 2027, 04:00 JST (Asia/Tokyo)")
        .contains("now:    Tue 9 Mar 2027, 05:30 JST (Asia/Tokyo)");
  }
}
