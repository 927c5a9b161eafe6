package boxoffice.notification.service;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A booking was made: its booker gets a confirmation. From schema version 2 on the message names
 * the booking's tickets ({@code ticketIds}, one per seat, in the app's order); a version 1 message
 * names none, and its confirmation lists no tickets.
 */
public record BookingCreated(
    UUID messageId,
    Instant occurredAt,
    UUID bookingId,
    UUID eventId,
    UUID userId,
    int quantity,
    String eventTitle,
    Instant startsAt,
    String venue,
    List<UUID> ticketIds)
    implements Notification, BookedSeats {
  public static final String TYPE = "booking.created";

  public BookingCreated {
    Objects.requireNonNull(messageId);
    Objects.requireNonNull(bookingId);
    Objects.requireNonNull(userId);
    Objects.requireNonNull(eventTitle);
    Objects.requireNonNull(startsAt);
    Objects.requireNonNull(venue);
    ticketIds = List.copyOf(ticketIds);
  }

  /** A version 1 message: no ticket ids. */
  public BookingCreated(
      UUID messageId,
      Instant occurredAt,
      UUID bookingId,
      UUID eventId,
      UUID userId,
      int quantity,
      String eventTitle,
      Instant startsAt,
      String venue) {
    this(
        messageId,
        occurredAt,
        bookingId,
        eventId,
        userId,
        quantity,
        eventTitle,
        startsAt,
        venue,
        List.of());
  }

  @Override
  public String type() {
    return TYPE;
  }
}
