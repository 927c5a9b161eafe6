package boxoffice.notification.service;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * An event's waiting list was closed with the user still on it (schema version 3): the event was
 * cancelled, has started or is over.
 */
public record WaitlistClosed(
    UUID messageId,
    Instant occurredAt,
    UUID entryId,
    UUID eventId,
    UUID userId,
    int quantity,
    WaitlistClosedCause cause,
    String eventTitle,
    Instant startsAt,
    String venue,
    ZoneId timeZone)
    implements Notification, WaitlistEntry {
  public static final String TYPE = "waitlist.closed";

  public WaitlistClosed {
    Objects.requireNonNull(messageId);
    Objects.requireNonNull(entryId);
    Objects.requireNonNull(userId);
    Objects.requireNonNull(cause);
    Objects.requireNonNull(eventTitle);
    Objects.requireNonNull(startsAt);
    Objects.requireNonNull(venue);
    Objects.requireNonNull(timeZone);
    if (quantity < 1) {
      throw new IllegalArgumentException("quantity must be at least 1");
    }
  }

  @Override
  public String type() {
    return TYPE;
  }
}
