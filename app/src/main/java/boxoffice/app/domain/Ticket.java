package boxoffice.app.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One seat of a booking, admitted at the door by its {@code code}. The code is a secret of the
 * holder: it is shown to them (and to administrators), never logged.
 */
public record Ticket(
    UUID id,
    UUID bookingId,
    UUID eventId,
    UUID userId,
    String code,
    TicketStatus status,
    Optional<Instant> checkedInAt) {

  public boolean isVisibleTo(Principal principal) {
    return principal.isAdmin() || userId.equals(principal.userId());
  }

  /** Never the code: records print in logs and assertion messages. */
  @Override
  public String toString() {
    return "Ticket[id=" + id + ", bookingId=" + bookingId + ", status=" + status + "]";
  }
}
