package boxoffice.audit.log;

import java.time.Instant;
import java.util.UUID;

/**
 * An entry as kept in the log: what the caller sent, plus its position, when it was stored and its
 * place in the hash chain. Read back from the database as is, without the checks of {@link
 * NewEntry}, so a tampered row can still be read and reported.
 */
public record StoredEntry(
    long sequence,
    UUID entryId,
    String action,
    String actorId,
    String entityType,
    String entityId,
    Instant occurredAt,
    String payloadJson,
    Instant recordedAt,
    String previousHash,
    String hash) {

  /** The entry at {@code sequence} after {@code previousHash}, with its hash computed. */
  public static StoredEntry chain(
      NewEntry entry, long sequence, Instant recordedAt, String previousHash) {
    StoredEntry unhashed =
        new StoredEntry(
            sequence,
            entry.entryId(),
            entry.action(),
            entry.actorId(),
            entry.entityType(),
            entry.entityId(),
            entry.occurredAt(),
            entry.payloadJson(),
            recordedAt,
            previousHash,
            "");
    return unhashed.withHash(ChainHash.of(previousHash, unhashed));
  }

  /** True when the caller-supplied fields equal those of {@code entry}. */
  public boolean says(NewEntry entry) {
    return entryId.equals(entry.entryId())
        && action.equals(entry.action())
        && actorId.equals(entry.actorId())
        && entityType.equals(entry.entityType())
        && entityId.equals(entry.entityId())
        && occurredAt.equals(entry.occurredAt())
        && payloadJson.equals(entry.payloadJson());
  }

  private StoredEntry withHash(String newHash) {
    return new StoredEntry(
        sequence,
        entryId,
        action,
        actorId,
        entityType,
        entityId,
        occurredAt,
        payloadJson,
        recordedAt,
        previousHash,
        newHash);
  }
}
