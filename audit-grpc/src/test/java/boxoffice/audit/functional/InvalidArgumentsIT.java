package boxoffice.audit.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import boxoffice.audit.v1.AuditEntry;
import boxoffice.audit.v1.QueryRequest;
import boxoffice.audit.v1.RecordBatchRequest;
import boxoffice.audit.v1.RecordRequest;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InvalidArgumentsIT {
  @RegisterExtension static final RunningAuditServer audit = new RunningAuditServer();

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidEntries")
  void anInvalidEntryIsRefusedWithAMessageNamingTheField(
      String problem, UnaryOperator<AuditEntry.Builder> spoil, String message) {
    AuditEntry entry = spoil.apply(Entries.entry().toBuilder()).build();

    assertInvalid(() -> audit.audit().record(RecordRequest.newBuilder().setEntry(entry).build()))
        .withMessageContaining(message);
  }

  static Stream<Arguments> invalidEntries() {
    return Stream.of(
        invalid("missing entry_id", e -> e.setEntryId(""), "entry.entry_id is required"),
        invalid(
            "entry_id not a UUID", e -> e.setEntryId("booking-1"), "entry.entry_id must be a UUID"),
        invalid(
            "entry_id in a short UUID form",
            e -> e.setEntryId("1-1-1-1-1"),
            "entry.entry_id must be a UUID"),
        invalid("empty action", e -> e.setAction(""), "entry.action must not be empty"),
        invalid("blank action", e -> e.setAction("  "), "entry.action must not be empty"),
        invalid(
            "empty entity_type", e -> e.setEntityType(""), "entry.entity_type must not be empty"),
        invalid("empty entity_id", e -> e.setEntityId(""), "entry.entity_id must not be empty"),
        invalid(
            "missing occurred_at",
            AuditEntry.Builder::clearOccurredAt,
            "entry.occurred_at is required"),
        invalid(
            "occurred_at out of range",
            e -> e.setOccurredAt(Timestamp.newBuilder().setSeconds(Long.MAX_VALUE / 2)),
            "entry.occurred_at must be a valid timestamp"),
        invalid(
            "empty payload", e -> e.setPayloadJson(""), "entry.payload_json must be a JSON object"),
        invalid("payload an array", e -> e.setPayloadJson("[1,2]"), "starts with an array"),
        invalid("payload a string", e -> e.setPayloadJson("\"x\""), "starts with a string"),
        invalid("payload a number", e -> e.setPayloadJson("42"), "starts with a number"),
        invalid(
            "payload malformed",
            e -> e.setPayloadJson("{\"a\":"),
            "entry.payload_json must be a JSON object"),
        invalid(
            "payload with trailing text",
            e -> e.setPayloadJson("{} {}"),
            "text follows the object"),
        invalid(
            "payload with a repeated key",
            e -> e.setPayloadJson("{\"a\":1,\"a\":2}"),
            "Duplicate field 'a'"),
        invalid(
            "payload too large",
            e -> e.setPayloadJson("{\"x\":\"" + "a".repeat(70_000) + "\"}"),
            "entry.payload_json must be at most 65536 bytes"),
        invalid(
            "action too long",
            e -> e.setAction("a".repeat(257)),
            "entry.action must be at most 256"),
        invalid(
            "NUL in entity_id",
            e -> e.setEntityId("b\u00001"),
            "entry.entity_id must not contain NUL"));
  }

  @Test
  void aRecordWithoutAnEntryIsRefused() {
    assertInvalid(() -> audit.audit().record(RecordRequest.getDefaultInstance()))
        .withMessageContaining("entry is required");
  }

  @Test
  void anEmptyBatchIsRefused() {
    assertInvalid(() -> audit.audit().recordBatch(RecordBatchRequest.getDefaultInstance()))
        .withMessageContaining("entries must not be empty");
  }

  @Test
  void aBatchOverOneThousandEntriesIsRefusedAndNothingIsStored() {
    String actor = "bulk-" + UUID.randomUUID();
    RecordBatchRequest.Builder batch = RecordBatchRequest.newBuilder();
    for (int i = 0; i < 1001; i++) {
      batch.addEntries(Entries.entry("seat.held", actor, "seat", "s-" + i));
    }

    assertInvalid(() -> audit.audit().recordBatch(batch.build()))
        .withMessageContaining("entries must be at most 1000 per batch, got 1001");
    assertThat(AuditDatabase.count(audit.database(), "actor_id = ?", actor)).isZero();
  }

  @Test
  void aBatchWithOneInvalidEntryNamesItsPositionAndStoresNone() {
    String actor = "batch-" + UUID.randomUUID();
    RecordBatchRequest batch =
        RecordBatchRequest.newBuilder()
            .addEntries(Entries.entry("a", actor, "t", "1"))
            .addEntries(Entries.entry("a", actor, "t", "2"))
            .addEntries(Entries.entry("a", actor, "t", "3").toBuilder().setEntryId("nope"))
            .build();

    assertInvalid(() -> audit.audit().recordBatch(batch))
        .withMessageContaining("entries[2].entry_id must be a UUID");
    assertThat(AuditDatabase.count(audit.database(), "actor_id = ?", actor)).isZero();
  }

  @ParameterizedTest(name = "page_size {0}")
  @MethodSource("pageSizesOutOfRange")
  void aPageSizeOutOfRangeIsRefused(int pageSize) {
    assertInvalid(() -> query(QueryRequest.newBuilder().setPageSize(pageSize)))
        .withMessageContaining("page_size must be between 1 and 1000");
  }

  static Stream<Integer> pageSizesOutOfRange() {
    return Stream.of(-1, 1001, Integer.MAX_VALUE);
  }

  @Test
  void aNegativeAfterSequenceIsRefused() {
    assertInvalid(() -> query(QueryRequest.newBuilder().setAfterSequence(-5)))
        .withMessageContaining("after_sequence must not be negative");
  }

  @Test
  void aTimeRangeThatEndsBeforeItStartsIsRefused() {
    Instant from = Instant.parse("2025-02-01T00:00:00Z");

    assertInvalid(
            () ->
                query(
                    QueryRequest.newBuilder()
                        .setFrom(Entries.timestamp(from))
                        .setTo(Entries.timestamp(from.minusSeconds(1)))))
        .withMessageContaining("from (2025-02-01T00:00:00.000000Z) must not be after to");
  }

  @Test
  void anInvalidQueryTimestampIsRefused() {
    assertInvalid(
            () -> query(QueryRequest.newBuilder().setFrom(Timestamp.newBuilder().setNanos(-1))))
        .withMessageContaining("from must be a valid timestamp");
  }

  private static void query(QueryRequest.Builder request) {
    audit.audit().query(request.build()).hasNext();
  }

  private static Arguments invalid(
      String problem, UnaryOperator<AuditEntry.Builder> spoil, String message) {
    return Arguments.of(problem, spoil, message);
  }

  private static ThrowableAssertAlternative<StatusRuntimeException> assertInvalid(
      ThrowingCallable call) {
    return assertThatExceptionOfType(StatusRuntimeException.class)
        .isThrownBy(call)
        .satisfies(
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
  }
}
