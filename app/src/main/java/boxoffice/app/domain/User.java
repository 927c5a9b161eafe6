package boxoffice.app.domain;

import java.time.Instant;
import java.util.UUID;

/** A registered account, without its credentials. */
public record User(UUID id, String email, String name, Role role, Instant createdAt) {}
