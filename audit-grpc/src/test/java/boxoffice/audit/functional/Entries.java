package boxoffice.audit.functional;

import boxoffice.audit.v1.AuditEntry;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/** Valid audit entries for tests; adjust them with {@code toBuilder()}. */
final class Entries {
  static final Instant OCCURRED_AT = Instant.parse("2025-03-01T10:15:30.123456Z");

  private Entries() {}

  static AuditEntry entry() {
    return entry("booking.created", "user-1", "booking", UUID.randomUUID().toString());
  }

  static AuditEntry entry(String action, String actorId, String entityType, String entityId) {
    return AuditEntry.newBuilder()
        .setEntryId(UUID.randomUUID().toString())
        .setAction(action)
        .setActorId(actorId)
        .setEntityType(entityType)
        .setEntityId(entityId)
        .setOccurredAt(timestamp(OCCURRED_AT))
        .setPayloadJson("{\"seats\":2,\"event\":\"e-1\"}")
        .build();
  }

  static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }

  static Instant instant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }

  /** Everything a server stream sends, in order. */
  static List<AuditEntry> all(Iterator<AuditEntry> stream) {
    List<AuditEntry> entries = new ArrayList<>();
    stream.forEachRemaining(entries::add);
    return entries;
  }
}
