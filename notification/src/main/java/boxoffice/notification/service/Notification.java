package boxoffice.notification.service;

import java.time.Instant;
import java.util.UUID;

/** One message of the booking app that ticket holders are told about. */
public sealed interface Notification
    permits BookingCreated,
        BookingCancelled,
        TicketCancelled,
        EventRescheduled,
        WaitlistOffered,
        WaitlistOfferExpired,
        WaitlistLeft,
        WaitlistClosed {

  /** Unique per message; redelivered copies share it. */
  UUID messageId();

  /** The message type as named on the wire, e.g. {@code booking.created}. */
  String type();

  Instant occurredAt();

  UUID eventId();
}
