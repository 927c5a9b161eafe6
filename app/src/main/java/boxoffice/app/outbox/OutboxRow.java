package boxoffice.app.outbox;

import boxoffice.app.service.ChangeType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An outbox row as a relay delivers it; {@code payloadJson} is the stored JSON object and {@code
 * traceParent} the trace of the request that wrote it.
 */
record OutboxRow(
    UUID id,
    String type,
    String aggregateType,
    UUID aggregateId,
    Optional<UUID> actorId,
    String payloadJson,
    Instant createdAt,
    Optional<String> traceParent) {

  /** The type of change the row names; empty for a type this version does not know. */
  Optional<ChangeType> changeType() {
    return ChangeType.fromWireName(type);
  }
}
