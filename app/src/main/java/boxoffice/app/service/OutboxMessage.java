package boxoffice.app.service;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** One change for later delivery to the audit log and notifications. */
public record OutboxMessage(
    UUID id,
    ChangeType type,
    UUID aggregateId,
    Optional<UUID> actorId,
    Map<String, Object> payload) {

  public static OutboxMessage of(
      ChangeType type, UUID aggregateId, Optional<UUID> actorId, Map<String, Object> payload) {
    return new OutboxMessage(UUID.randomUUID(), type, aggregateId, actorId, payload);
  }
}
