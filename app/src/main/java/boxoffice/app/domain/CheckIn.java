package boxoffice.app.domain;

import java.time.Instant;
import java.util.UUID;

/** A ticket admitted at the door. */
public record CheckIn(UUID ticketId, UUID bookingId, UUID eventId, Instant checkedInAt) {}
