package boxoffice.app.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The authenticated caller of a request, as proven by an access token: who, in which role, in which
 * login session (absent in tokens from before sessions were named), and when the token was issued.
 */
public record Principal(UUID userId, Role role, UUID sessionId, Instant issuedAt) {
  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  /** Whether the caller may check tickets in at the door: staff and administrators. */
  public boolean mayCheckIn() {
    return role == Role.STAFF || role == Role.ADMIN;
  }

  public Optional<UUID> session() {
    return Optional.ofNullable(sessionId);
  }
}
