package boxoffice.app.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Seats of one event held by one user. */
public record Booking(
    UUID id,
    UUID eventId,
    UUID userId,
    int quantity,
    BookingStatus status,
    Instant createdAt,
    Optional<Instant> cancelledAt) {
  public static final int MAX_QUANTITY = 10;

  public boolean isOwnedBy(Principal principal) {
    return userId.equals(principal.userId());
  }

  public boolean isVisibleTo(Principal principal) {
    return principal.isAdmin() || isOwnedBy(principal);
  }
}
