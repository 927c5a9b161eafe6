package boxoffice.app.service;

import java.time.Instant;
import java.util.UUID;

/** Keyset position in a comment list (oldest first). */
public record CommentKey(Instant createdAt, UUID id) {}
