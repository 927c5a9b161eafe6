package boxoffice.audit.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.audit.v1.AuditEntry;
import boxoffice.audit.v1.QueryRequest;
import boxoffice.audit.v1.RecordBatchRequest;
import boxoffice.audit.v1.RecordBatchResponse;
import boxoffice.audit.v1.RecordRequest;
import boxoffice.audit.v1.RecordResponse;
import boxoffice.audit.v1.VerifyChainRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RecordIT {
  @RegisterExtension static final RunningAuditServer audit = new RunningAuditServer();

  @Test
  void aRecordedEntryReadsBackExactlyAsSentWithItsPlaceInTheChain() {
    String entity = UUID.randomUUID().toString();
    AuditEntry sent =
        Entries.entry("booking.created", "user-1", "booking", entity).toBuilder()
            .setPayloadJson("{ \"z\": 1,\n  \"a\": [2, 3.50], \"note\": \"Zoë\" }")
            .build();
    Instant before = Instant.now();

    RecordResponse response =
        audit.audit().record(RecordRequest.newBuilder().setEntry(sent).build());

    assertThat(response.getDuplicate()).isFalse();
    assertThat(response.getSequence()).isPositive();
    AuditEntry stored = onlyEntryOf(entity);
    assertThat(stored.getEntryId()).isEqualTo(sent.getEntryId());
    assertThat(stored.getAction()).isEqualTo("booking.created");
    assertThat(stored.getActorId()).isEqualTo("user-1");
    assertThat(stored.getEntityType()).isEqualTo("booking");
    assertThat(stored.getEntityId()).isEqualTo(entity);
    assertThat(stored.getOccurredAt()).isEqualTo(sent.getOccurredAt());
    assertThat(stored.getPayloadJson()).isEqualTo(sent.getPayloadJson());
    assertThat(stored.getSequence()).isEqualTo(response.getSequence());
    assertThat(stored.getHash()).matches("[0-9a-f]{64}");
    assertThat(Entries.instant(stored.getRecordedAt()))
        .isAfterOrEqualTo(before.minusSeconds(1))
        .isBeforeOrEqualTo(Instant.now().plusSeconds(1));
  }

  @Test
  void anEntryWithoutActorIsRecordedWithAnEmptyActor() {
    String entity = UUID.randomUUID().toString();

    audit
        .audit()
        .record(
            RecordRequest.newBuilder()
                .setEntry(Entries.entry("event.published", "", "event", entity))
                .build());

    assertThat(onlyEntryOf(entity).getActorId()).isEmpty();
  }

  @Test
  void occurredAtIsKeptToTheMicrosecond() {
    String entity = UUID.randomUUID().toString();
    Instant precise = Instant.parse("2025-06-01T08:00:00.123456789Z");

    audit
        .audit()
        .record(
            RecordRequest.newBuilder()
                .setEntry(
                    Entries.entry("event.updated", "admin", "event", entity).toBuilder()
                        .setOccurredAt(Entries.timestamp(precise))
                        .build())
                .build());

    assertThat(Entries.instant(onlyEntryOf(entity).getOccurredAt()))
        .isEqualTo(Instant.parse("2025-06-01T08:00:00.123456Z"));
  }

  @Test
  void consecutiveRecordsGetConsecutiveSequences() {
    long first = record(Entries.entry()).getSequence();
    long second = record(Entries.entry()).getSequence();

    assertThat(second).isEqualTo(first + 1);
  }

  @Test
  void aBatchIsRecordedInTheOrderSent() {
    String entity = UUID.randomUUID().toString();
    List<AuditEntry> batch = new ArrayList<>();
    for (String action : List.of("booking.created", "booking.paid", "booking.cancelled")) {
      batch.add(Entries.entry(action, "user-2", "booking", entity));
    }

    RecordBatchResponse response =
        audit.audit().recordBatch(RecordBatchRequest.newBuilder().addAllEntries(batch).build());

    assertThat(response.getRecorded()).isEqualTo(3);
    assertThat(response.getDuplicates()).isZero();
    List<AuditEntry> stored = entriesOf(entity);
    assertThat(stored)
        .extracting(AuditEntry::getAction)
        .containsExactly("booking.created", "booking.paid", "booking.cancelled");
    assertThat(stored.get(1).getSequence()).isEqualTo(stored.get(0).getSequence() + 1);
    assertThat(stored.get(2).getSequence()).isEqualTo(stored.get(1).getSequence() + 1);
    assertThat(stored).extracting(AuditEntry::getEntryId).containsExactlyElementsOf(ids(batch));
  }

  @Test
  void aBatchOfTheLargestAllowedSizeIsRecorded() {
    String actor = "bulk-" + UUID.randomUUID();
    List<AuditEntry> batch = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      batch.add(Entries.entry("seat.released", actor, "seat", "s-" + i));
    }

    RecordBatchResponse response =
        audit.audit().recordBatch(RecordBatchRequest.newBuilder().addAllEntries(batch).build());

    assertThat(response.getRecorded()).isEqualTo(1000);
    assertThat(AuditDatabase.count(audit.database(), "actor_id = ?", actor)).isEqualTo(1000);
  }

  @Test
  void theChainIsValidAfterRecordsAndBatches() {
    record(Entries.entry());
    audit
        .audit()
        .recordBatch(
            RecordBatchRequest.newBuilder()
                .addEntries(Entries.entry())
                .addEntries(Entries.entry())
                .build());

    var report = audit.audit().verifyChain(VerifyChainRequest.getDefaultInstance());

    assertThat(report.getValid()).isTrue();
    assertThat(report.getFirstBadSequence()).isZero();
    assertThat(report.getProblem()).isEmpty();
    assertThat(report.getEntriesChecked()).isEqualTo(AuditDatabase.count(audit.database(), "true"));
  }

  private static RecordResponse record(AuditEntry entry) {
    return audit.audit().record(RecordRequest.newBuilder().setEntry(entry).build());
  }

  private static List<AuditEntry> entriesOf(String entityId) {
    return Entries.all(
        audit.audit().query(QueryRequest.newBuilder().setEntityId(entityId).build()));
  }

  private static AuditEntry onlyEntryOf(String entityId) {
    List<AuditEntry> entries = entriesOf(entityId);
    assertThat(entries).hasSize(1);
    return entries.getFirst();
  }

  private static List<String> ids(List<AuditEntry> entries) {
    return entries.stream().map(AuditEntry::getEntryId).toList();
  }
}
