package boxoffice.audit.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.audit.v1.RecordBatchRequest;
import boxoffice.audit.v1.RecordRequest;
import boxoffice.audit.v1.VerifyChainRequest;
import boxoffice.audit.v1.VerifyChainResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConcurrentAppendsIT {
  private static final int CALLERS = 16;
  private static final int RECORDS_PER_CALLER = 20;
  private static final int BATCH_SIZE = 5;

  @RegisterExtension static final RunningAuditServer audit = new RunningAuditServer();

  @Test
  void manyCallersAppendingAtOnceLeaveOneUnbrokenChainWithoutGaps() throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> stored = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(CALLERS)) {
      for (int caller = 0; caller < CALLERS; caller++) {
        boolean batches = caller % 2 == 0;
        stored.add(pool.submit(() -> appendAfter(go, batches)));
      }
      go.countDown();
      int total = 0;
      for (Future<Integer> count : stored) {
        total += count.get(60, TimeUnit.SECONDS);
      }

      VerifyChainResponse report =
          audit.audit().verifyChain(VerifyChainRequest.getDefaultInstance());

      assertThat(report.getProblem()).isEmpty();
      assertThat(report.getValid()).isTrue();
      assertThat(report.getEntriesChecked()).isEqualTo(total);
      assertThat(AuditDatabase.count(audit.database(), "sequence BETWEEN 1 AND ?", (long) total))
          .isEqualTo(total);
    }
  }

  private static int appendAfter(CountDownLatch go, boolean batches) throws InterruptedException {
    go.await();
    int stored = 0;
    while (stored < RECORDS_PER_CALLER) {
      if (batches) {
        RecordBatchRequest.Builder batch = RecordBatchRequest.newBuilder();
        for (int i = 0; i < BATCH_SIZE; i++) {
          batch.addEntries(Entries.entry());
        }
        stored += audit.audit().recordBatch(batch.build()).getRecorded();
      } else {
        audit.audit().record(RecordRequest.newBuilder().setEntry(Entries.entry()).build());
        stored++;
      }
    }
    return stored;
  }
}
