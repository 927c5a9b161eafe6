package boxoffice.audit.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import boxoffice.audit.v1.AuditEntry;
import boxoffice.audit.v1.QueryRequest;
import boxoffice.audit.v1.RecordBatchRequest;
import boxoffice.audit.v1.RecordRequest;
import boxoffice.audit.v1.VerifyChainRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server's own statement timeout is 30 s; these tests show a caller's shorter deadline is what
 * bounds the work on the server, not only the wait on the client.
 */
class DeadlineIT {
  private static TestAuditServer audit;

  @BeforeAll
  static void start() {
    audit = TestAuditServer.start();
    RecordBatchRequest.Builder batch = RecordBatchRequest.newBuilder();
    for (int i = 0; i < 1000; i++) {
      batch.addEntries(Entries.entry());
    }
    audit.audit().recordBatch(batch.build());
  }

  @AfterAll
  static void stop() {
    audit.close();
  }

  @Test
  void anAppendStuckPastItsDeadlineIsAbandonedByTheServerAndStoresNothing() throws Exception {
    AuditEntry entry = Entries.entry();
    long started = System.nanoTime();
    try (ChainLock lock = ChainLock.take(audit.database())) {
      assertThatExceptionOfType(StatusRuntimeException.class)
          .isThrownBy(
              () ->
                  audit
                      .audit()
                      .withDeadlineAfter(300, TimeUnit.MILLISECONDS)
                      .record(RecordRequest.newBuilder().setEntry(entry).build()))
          .satisfies(
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));

      // The server gives up its wait for the lock at the caller's deadline, not after 30 s.
      lock.awaitWaiters(0, Duration.ofSeconds(10));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    assertThat(rowsWithId(entry)).isZero();
    assertThat(
            audit
                .audit()
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .record(RecordRequest.newBuilder().setEntry(entry).build())
                .getDuplicate())
        .isFalse();
    assertThat(audit.audit().verifyChain(VerifyChainRequest.getDefaultInstance()).getValid())
        .isTrue();
  }

  @Test
  void aVerificationWithAnImpossiblyShortDeadlineFailsAndTheServerKeepsWorking() {
    assertThatExceptionOfType(StatusRuntimeException.class)
        .isThrownBy(
            () ->
                audit
                    .audit()
                    .withDeadlineAfter(1, TimeUnit.MILLISECONDS)
                    .verifyChain(VerifyChainRequest.getDefaultInstance()))
        .satisfies(
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));

    var report =
        audit
            .audit()
            .withDeadlineAfter(30, TimeUnit.SECONDS)
            .verifyChain(VerifyChainRequest.getDefaultInstance());
    assertThat(report.getValid()).isTrue();
    assertThat(report.getEntriesChecked()).isGreaterThanOrEqualTo(1000);
  }

  @Test
  void aQueryWithAnImpossiblyShortDeadlineFailsAndTheServerKeepsWorking() {
    assertThatExceptionOfType(StatusRuntimeException.class)
        .isThrownBy(
            () ->
                Entries.all(
                    audit
                        .audit()
                        .withDeadlineAfter(1, TimeUnit.MILLISECONDS)
                        .query(QueryRequest.newBuilder().setPageSize(1000).build())))
        .satisfies(
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));

    assertThat(Entries.all(audit.audit().query(QueryRequest.newBuilder().setPageSize(10).build())))
        .hasSize(10);
  }

  private static long rowsWithId(AuditEntry entry) {
    return AuditDatabase.count(
        audit.database(), "entry_id = ?", UUID.fromString(entry.getEntryId()));
  }
}
