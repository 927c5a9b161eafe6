package boxoffice.audit.log;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * An entry a caller asks to record, checked on construction. Text fields are kept exactly as sent
 * (nothing is trimmed); {@code occurredAt} is cut to microseconds, the precision the database
 * keeps, so the stored value and the hashed value are the same.
 *
 * @param entryId the caller's idempotency key
 * @param actorId who did it; empty when nobody was signed in
 * @param payloadJson a JSON object, stored byte for byte as received
 */
public record NewEntry(
    UUID entryId,
    String action,
    String actorId,
    String entityType,
    String entityId,
    Instant occurredAt,
    String payloadJson) {
  /** Longest action, actor id, entity type and entity id, in characters. */
  public static final int MAX_NAME_LENGTH = 256;

  /** Largest payload, in UTF-8 bytes. */
  public static final int MAX_PAYLOAD_BYTES = 64 * 1024;

  public NewEntry {
    Objects.requireNonNull(entryId, "entryId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    requireName("action", action, false);
    requireName("actor_id", actorId, true);
    requireName("entity_type", entityType, false);
    requireName("entity_id", entityId, false);
    requirePayload(payloadJson);
    occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
  }

  private static void requireName(String field, String value, boolean mayBeEmpty) {
    if (value == null || (!mayBeEmpty && value.isBlank())) {
      throw new InvalidRequestException(field + " must not be empty");
    }
    if (value.length() > MAX_NAME_LENGTH) {
      throw new InvalidRequestException(
          field + " must be at most " + MAX_NAME_LENGTH + " characters, got " + value.length());
    }
    if (value.indexOf('\0') >= 0) {
      throw new InvalidRequestException(field + " must not contain NUL characters");
    }
  }

  private static void requirePayload(String payloadJson) {
    if (payloadJson == null) {
      throw new InvalidRequestException("payload_json must be a JSON object, e.g. {}");
    }
    int bytes = payloadJson.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_PAYLOAD_BYTES) {
      throw new InvalidRequestException(
          "payload_json must be at most " + MAX_PAYLOAD_BYTES + " bytes, got " + bytes);
    }
    JsonObjectText.problemWith(payloadJson)
        .ifPresent(problem -> fail("payload_json must be a JSON object: " + problem));
  }

  private static void fail(String message) {
    throw new InvalidRequestException(message);
  }
}
