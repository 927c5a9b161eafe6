package boxoffice.notification.service;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A booking was made: its booker gets a confirmation. */
public record BookingCreated(
    UUID messageId,
    Instant occurredAt,
    UUID bookingId,
    UUID eventId,
    UUID userId,
    int quantity,
    String eventTitle,
    Instant startsAt,
    String venue)
    implements Notification, BookedSeats {
  public static final String TYPE = "booking.created";

  public BookingCreated {
    Objects.requireNonNull(messageId);
    Objects.requireNonNull(bookingId);
    Objects.requireNonNull(userId);
    Objects.requireNonNull(eventTitle);
    Objects.requireNonNull(startsAt);
    Objects.requireNonNull(venue);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
