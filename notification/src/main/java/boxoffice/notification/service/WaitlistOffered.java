package boxoffice.notification.service;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * Seats came free for a user on the waiting list (schema version 3): they are held for them (hold
 * {@code holdId}) until {@code offerExpiresAt}; confirmed by then they are theirs, otherwise they
 * pass to the next person on the list.
 */
public record WaitlistOffered(
    UUID messageId,
    Instant occurredAt,
    UUID entryId,
    UUID eventId,
    UUID userId,
    int quantity,
    UUID holdId,
    Instant offerExpiresAt,
    String eventTitle,
    Instant startsAt,
    String venue,
    ZoneId timeZone)
    implements Notification, WaitlistEntry {
  public static final String TYPE = "waitlist.offered";

  public WaitlistOffered {
    Objects.requireNonNull(messageId);
    Objects.requireNonNull(entryId);
    Objects.requireNonNull(userId);
    Objects.requireNonNull(holdId);
    Objects.requireNonNull(offerExpiresAt);
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
