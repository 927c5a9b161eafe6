package boxoffice.notification.service;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One ticket of a booking was voided (schema version 2): its booker is told, with how many tickets
 * of the booking are still valid ({@code remainingQuantity}; 0 means the booking is cancelled).
 */
public record TicketCancelled(
    UUID messageId,
    Instant occurredAt,
    UUID ticketId,
    UUID bookingId,
    UUID eventId,
    UUID userId,
    int remainingQuantity,
    TicketCancellationCause cause,
    String eventTitle,
    Instant startsAt,
    String venue)
    implements Notification {
  public static final String TYPE = "ticket.cancelled";

  public TicketCancelled {
    Objects.requireNonNull(messageId);
    Objects.requireNonNull(ticketId);
    Objects.requireNonNull(bookingId);
    Objects.requireNonNull(userId);
    Objects.requireNonNull(cause);
    Objects.requireNonNull(eventTitle);
    Objects.requireNonNull(startsAt);
    Objects.requireNonNull(venue);
    if (remainingQuantity < 0) {
      throw new IllegalArgumentException("remainingQuantity must be at least 0");
    }
  }

  @Override
  public String type() {
    return TYPE;
  }
}
