package boxoffice.notification.service;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A booking was cancelled, by its booker, by an administrator or with its whole event. */
public record BookingCancelled(
    UUID messageId,
    Instant occurredAt,
    UUID bookingId,
    UUID eventId,
    UUID userId,
    int quantity,
    CancellationCause cause,
    String eventTitle,
    Instant startsAt,
    String venue)
    implements Notification, BookedSeats {
  public static final String TYPE = "booking.cancelled";

  public BookingCancelled {
    Objects.requireNonNull(messageId);
    Objects.requireNonNull(bookingId);
    Objects.requireNonNull(userId);
    Objects.requireNonNull(cause);
    Objects.requireNonNull(eventTitle);
    Objects.requireNonNull(startsAt);
    Objects.requireNonNull(venue);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
