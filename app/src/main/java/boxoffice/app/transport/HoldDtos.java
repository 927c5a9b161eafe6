package boxoffice.app.transport;

import boxoffice.app.domain.Hold;
import boxoffice.app.domain.HoldStatus;
import io.javalin.openapi.OpenApiExample;
import io.javalin.openapi.OpenApiRequired;
import java.time.Instant;
import java.util.UUID;

/** The JSON of holds. */
final class HoldDtos {
  private HoldDtos() {}

  /** Seats to hold (1..10). */
  record HoldRequest(@OpenApiRequired @OpenApiExample("2") Integer quantity) {}

  /** A hold; {@code status} is as of the response: an ACTIVE hold past its deadline is EXPIRED. */
  record HoldResponse(
      UUID id,
      UUID eventId,
      UUID userId,
      int quantity,
      HoldStatus status,
      Instant expiresAt,
      Instant createdAt) {
    static HoldResponse of(Hold h, Instant now) {
      return new HoldResponse(
          h.id(),
          h.eventId(),
          h.userId(),
          h.quantity(),
          h.statusAt(now),
          h.expiresAt(),
          h.createdAt());
    }
  }
}
