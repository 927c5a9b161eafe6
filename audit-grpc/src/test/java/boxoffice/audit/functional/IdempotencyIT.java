package boxoffice.audit.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.audit.v1.AuditEntry;
import boxoffice.audit.v1.RecordBatchRequest;
import boxoffice.audit.v1.RecordBatchResponse;
import boxoffice.audit.v1.RecordRequest;
import boxoffice.audit.v1.RecordResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IdempotencyIT {
  @RegisterExtension static final RunningAuditServer audit = new RunningAuditServer();

  @Test
  void aRepeatedEntryIsAcknowledgedAsADuplicateWithItsOriginalSequence() {
    AuditEntry entry = Entries.entry();
    RecordResponse first = record(entry);
    record(Entries.entry());

    RecordResponse again = record(entry);

    assertThat(again.getDuplicate()).isTrue();
    assertThat(again.getSequence()).isEqualTo(first.getSequence());
    assertThat(rowsWithId(entry)).isEqualTo(1);
  }

  @Test
  void aRepeatedIdWithOtherContentKeepsTheFirstEntry() {
    AuditEntry entry = Entries.entry();
    RecordResponse first = record(entry);

    RecordResponse again = record(entry.toBuilder().setAction("booking.tampered").build());

    assertThat(again.getDuplicate()).isTrue();
    assertThat(again.getSequence()).isEqualTo(first.getSequence());
    assertThat(
            AuditDatabase.count(
                audit.database(),
                "entry_id = ?::uuid AND action = 'booking.created'",
                entry.getEntryId()))
        .isEqualTo(1);
  }

  @Test
  void aBatchAcknowledgesEntriesStoredEarlierAsDuplicates() {
    AuditEntry earlier = Entries.entry();
    record(earlier);
    AuditEntry fresh = Entries.entry();

    RecordBatchResponse response =
        audit
            .audit()
            .recordBatch(
                RecordBatchRequest.newBuilder().addEntries(earlier).addEntries(fresh).build());

    assertThat(response.getRecorded()).isEqualTo(1);
    assertThat(response.getDuplicates()).isEqualTo(1);
    assertThat(rowsWithId(earlier)).isEqualTo(1);
    assertThat(rowsWithId(fresh)).isEqualTo(1);
  }

  @Test
  void anEntryRepeatedInsideOneBatchIsStoredOnce() {
    AuditEntry twice = Entries.entry();

    RecordBatchResponse response =
        audit
            .audit()
            .recordBatch(
                RecordBatchRequest.newBuilder()
                    .addEntries(twice)
                    .addEntries(Entries.entry())
                    .addEntries(twice)
                    .build());

    assertThat(response.getRecorded()).isEqualTo(2);
    assertThat(response.getDuplicates()).isEqualTo(1);
    assertThat(rowsWithId(twice)).isEqualTo(1);
  }

  @Test
  void aBatchSentTwiceIsStoredOnce() {
    RecordBatchRequest batch =
        RecordBatchRequest.newBuilder()
            .addEntries(Entries.entry())
            .addEntries(Entries.entry())
            .addEntries(Entries.entry())
            .build();

    audit.audit().recordBatch(batch);
    RecordBatchResponse again = audit.audit().recordBatch(batch);

    assertThat(again.getRecorded()).isZero();
    assertThat(again.getDuplicates()).isEqualTo(3);
  }

  @Test
  void theSameEntrySentByManyCallersAtOnceIsStoredOnce() throws Exception {
    AuditEntry entry = Entries.entry();
    int callers = 12;
    CountDownLatch ready = new CountDownLatch(callers);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<RecordResponse>> responses = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
      for (int i = 0; i < callers; i++) {
        responses.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return record(entry);
                }));
      }
      assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
      go.countDown();
      List<RecordResponse> answers = new ArrayList<>();
      for (Future<RecordResponse> response : responses) {
        answers.add(response.get(30, TimeUnit.SECONDS));
      }

      assertThat(answers).filteredOn(answer -> !answer.getDuplicate()).hasSize(1);
      assertThat(answers)
          .extracting(RecordResponse::getSequence)
          .containsOnly(answers.getFirst().getSequence());
      assertThat(rowsWithId(entry)).isEqualTo(1);
    }
  }

  private static RecordResponse record(AuditEntry entry) {
    return audit.audit().record(RecordRequest.newBuilder().setEntry(entry).build());
  }

  private static long rowsWithId(AuditEntry entry) {
    return AuditDatabase.count(
        audit.database(), "entry_id = ?", UUID.fromString(entry.getEntryId()));
  }
}
