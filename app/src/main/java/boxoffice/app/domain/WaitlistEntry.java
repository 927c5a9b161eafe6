package boxoffice.app.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One user's place in an event's waiting list. {@code order} is the join order the list is served
 * in; {@code position} the entry's place among those still waiting (1 = next), present only while
 * it waits. An offer is a hold ({@code holdId}) until {@code offerExpiresAt}.
 */
public record WaitlistEntry(
    UUID id,
    UUID eventId,
    UUID userId,
    int quantity,
    WaitlistStatus status,
    long order,
    Optional<Integer> position,
    Optional<UUID> holdId,
    Optional<Instant> offerExpiresAt,
    Instant createdAt) {

  /**
   * The status as of {@code now}: an offer past its deadline has expired even before it is told.
   */
  public WaitlistStatus statusAt(Instant now) {
    boolean lapsed = offerExpiresAt.filter(deadline -> !deadline.isAfter(now)).isPresent();
    return status == WaitlistStatus.OFFERED && lapsed ? WaitlistStatus.EXPIRED : status;
  }

  public boolean isOwnedBy(Principal principal) {
    return userId.equals(principal.userId());
  }
}
