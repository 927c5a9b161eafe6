package boxoffice.app.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Seats of one event reserved for one user until {@code expiresAt}. {@code status} is as stored: an
 * ACTIVE hold past its deadline has expired even before any statement has marked it so, which
 * {@link #statusAt} reports.
 */
public record Hold(
    UUID id,
    UUID eventId,
    UUID userId,
    int quantity,
    HoldStatus status,
    Instant expiresAt,
    Instant createdAt,
    Optional<UUID> bookingId) {

  public HoldStatus statusAt(Instant now) {
    return status == HoldStatus.ACTIVE && !expiresAt.isAfter(now) ? HoldStatus.EXPIRED : status;
  }

  public boolean isOwnedBy(Principal principal) {
    return userId.equals(principal.userId());
  }

  public boolean isVisibleTo(Principal principal) {
    return principal.isAdmin() || isOwnedBy(principal);
  }
}
