package boxoffice.audit.grpc;

import boxoffice.audit.log.EntryQuery;
import boxoffice.audit.log.InvalidRequestException;
import boxoffice.audit.log.NewEntry;
import boxoffice.audit.log.StoredEntry;
import boxoffice.audit.v1.AuditEntry;
import boxoffice.audit.v1.QueryRequest;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Translates between the protobuf messages and the log's own types. Server-set fields of an
 * incoming entry (sequence, recorded_at, hash) are ignored.
 */
final class EntryMessages {
  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  // The range of google.protobuf.Timestamp: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
  private static final long MIN_SECONDS = -62_135_596_800L;
  private static final long MAX_SECONDS = 253_402_300_799L;

  private EntryMessages() {}

  /**
   * The entry to record; problems are reported with {@code field} (such as {@code entry} or {@code
   * entries[3]}) in front of the field name.
   */
  static NewEntry toNewEntry(AuditEntry message, String field) {
    try {
      if (!UUID_TEXT.matcher(message.getEntryId()).matches()) {
        throw new InvalidRequestException(
            message.getEntryId().isEmpty()
                ? "entry_id is required (a UUID)"
                : "entry_id must be a UUID such as 3f2c1a9e-6b1d-4c2e-9a57-0c8f4f1d2b7a");
      }
      if (!message.hasOccurredAt()) {
        throw new InvalidRequestException("occurred_at is required");
      }
      return new NewEntry(
          UUID.fromString(message.getEntryId()),
          message.getAction(),
          message.getActorId(),
          message.getEntityType(),
          message.getEntityId(),
          toInstant(message.getOccurredAt(), "occurred_at"),
          message.getPayloadJson());
    } catch (InvalidRequestException e) {
      throw new InvalidRequestException(field + "." + e.getMessage());
    }
  }

  static EntryQuery toQuery(QueryRequest request) {
    return new EntryQuery(
        request.getActorId(),
        request.getAction(),
        request.getEntityType(),
        request.getEntityId(),
        request.hasFrom() ? Optional.of(toInstant(request.getFrom(), "from")) : Optional.empty(),
        request.hasTo() ? Optional.of(toInstant(request.getTo(), "to")) : Optional.empty(),
        request.getPageSize(),
        request.getAfterSequence());
  }

  static AuditEntry toMessage(StoredEntry entry) {
    return AuditEntry.newBuilder()
        .setEntryId(entry.entryId().toString())
        .setAction(entry.action())
        .setActorId(entry.actorId())
        .setEntityType(entry.entityType())
        .setEntityId(entry.entityId())
        .setOccurredAt(toTimestamp(entry.occurredAt()))
        .setPayloadJson(entry.payloadJson())
        .setSequence(entry.sequence())
        .setRecordedAt(toTimestamp(entry.recordedAt()))
        .setHash(entry.hash())
        .build();
  }

  private static Instant toInstant(Timestamp timestamp, String field) {
    if (timestamp.getSeconds() < MIN_SECONDS
        || timestamp.getSeconds() > MAX_SECONDS
        || timestamp.getNanos() < 0
        || timestamp.getNanos() > 999_999_999) {
      throw new InvalidRequestException(
          field + " must be a valid timestamp between years 1 and 9999");
    }
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }

  private static Timestamp toTimestamp(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }
}
