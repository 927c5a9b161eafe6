package boxoffice.app.transport;

import boxoffice.app.domain.WaitlistEntry;
import boxoffice.app.domain.WaitlistStatus;
import io.javalin.openapi.OpenApiExample;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiRequired;
import java.time.Instant;
import java.util.UUID;

/** The JSON of waiting lists. */
final class WaitlistDtos {
  private WaitlistDtos() {}

  /** Seats to wait for (1..10), offered all together or not at all. */
  record JoinRequest(@OpenApiRequired @OpenApiExample("2") Integer quantity) {}

  /**
   * An entry. {@code position}: its place among the entries still waiting (1 = next), while it
   * waits; {@code holdId} and {@code offerExpiresAt}: the offered hold, to confirm with {@code POST
   * /holds/{holdId}/confirm} before then. {@code status} is as of the response.
   */
  record EntryResponse(
      UUID id,
      UUID eventId,
      UUID userId,
      int quantity,
      WaitlistStatus status,
      @OpenApiNullable Integer position,
      @OpenApiNullable UUID holdId,
      @OpenApiNullable Instant offerExpiresAt,
      Instant createdAt) {
    static EntryResponse of(WaitlistEntry e, Instant now) {
      return new EntryResponse(
          e.id(),
          e.eventId(),
          e.userId(),
          e.quantity(),
          e.statusAt(now),
          e.position().orElse(null),
          e.holdId().orElse(null),
          e.offerExpiresAt().orElse(null),
          e.createdAt());
    }
  }
}
