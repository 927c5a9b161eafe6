package boxoffice.app.service;

import java.time.Instant;
import java.util.UUID;

/** Keyset position in the list of users (ordered by creation time, then id). */
public record UserKey(Instant createdAt, UUID id) {}
