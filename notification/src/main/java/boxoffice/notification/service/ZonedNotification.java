package boxoffice.notification.service;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * A notification with its event's time zone, the zone its emails show times in, when its message
 * names a valid one. Waiting-list messages always name it (it is one of their fields); for the
 * other types it is optional and read beside their fields, and without it the emails show times in
 * the service's configured zone.
 */
public record ZonedNotification(Notification notification, Optional<ZoneId> timeZone) {
  public ZonedNotification {
    Objects.requireNonNull(notification);
    Objects.requireNonNull(timeZone);
    if (notification instanceof WaitlistEntry entry
        && !timeZone.equals(Optional.of(entry.timeZone()))) {
      throw new IllegalArgumentException(
          "a waiting-list notification is shown in its own time zone " + entry.timeZone());
    }
  }

  /** A notification without a time zone beside it: a waiting-list one keeps its own. */
  public ZonedNotification(Notification notification) {
    this(
        notification,
        notification instanceof WaitlistEntry entry
            ? Optional.of(entry.timeZone())
            : Optional.empty());
  }
}
