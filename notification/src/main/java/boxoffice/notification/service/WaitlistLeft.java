package boxoffice.notification.service;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/** A user left an event's waiting list (schema version 3). */
public record WaitlistLeft(
    UUID messageId,
    Instant occurredAt,
    UUID entryId,
    UUID eventId,
    UUID userId,
    int quantity,
    String eventTitle,
    Instant startsAt,
    String venue,
    ZoneId timeZone)
    implements Notification, WaitlistEntry {
  public static final String TYPE = "waitlist.left";

  public WaitlistLeft {
    Objects.requireNonNull(messageId);
    Objects.requireNonNull(entryId);
    Objects.requireNonNull(userId);
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
