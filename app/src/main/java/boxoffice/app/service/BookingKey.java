package boxoffice.app.service;

import java.time.Instant;
import java.util.UUID;

/** Keyset position in a booking list (newest first). */
public record BookingKey(Instant createdAt, UUID id) {}
