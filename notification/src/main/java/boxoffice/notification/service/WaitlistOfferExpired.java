package boxoffice.notification.service;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * An offer to a user on the waiting list ran out unconfirmed (schema version 3): the seats of hold
 * {@code holdId} went to the next person, and the user's place on the list has ended.
 */
public record WaitlistOfferExpired(
    UUID messageId,
    Instant occurredAt,
    UUID entryId,
    UUID eventId,
    UUID userId,
    int quantity,
    UUID holdId,
    String eventTitle,
    Instant startsAt,
    String venue,
    ZoneId timeZone)
    implements Notification, WaitlistEntry {
  public static final String TYPE = "waitlist.offer_expired";

  public WaitlistOfferExpired {
    Objects.requireNonNull(messageId);
    Objects.requireNonNull(entryId);
    Objects.requireNonNull(userId);
    Objects.requireNonNull(holdId);
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
