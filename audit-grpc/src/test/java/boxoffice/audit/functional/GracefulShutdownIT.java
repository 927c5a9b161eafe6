package boxoffice.audit.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import boxoffice.audit.v1.AuditEntry;
import boxoffice.audit.v1.RecordRequest;
import boxoffice.audit.v1.RecordResponse;
import boxoffice.testing.Await;
import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Stops the real server while a call waits inside the database (held there by {@link ChainLock}).
 */
class GracefulShutdownIT {

  @Test
  void stoppingLetsACallInFlightFinishWhileRefusingNewOnes() throws Exception {
    try (TestAuditServer audit = TestAuditServer.start(Duration.ofSeconds(30))) {
      AuditEntry entry = Entries.entry();
      ListenableFuture<RecordResponse> inFlight;
      CompletableFuture<Void> stopped;
      try (ChainLock lock = ChainLock.take(audit.database())) {
        inFlight = audit.auditFutures().record(RecordRequest.newBuilder().setEntry(entry).build());
        lock.awaitWaiters(1, Duration.ofSeconds(10));

        int port = audit.server().port();
        stopped = CompletableFuture.runAsync(audit.server()::stop);
        Await.until(
            "the server refuses new calls", Duration.ofSeconds(10), () -> refusesNewCalls(port));
        assertThat(stopped).isNotDone();
        assertThat(inFlight).isNotDone();
      }

      assertThat(inFlight.get(10, TimeUnit.SECONDS).getDuplicate()).isFalse();
      stopped.get(10, TimeUnit.SECONDS);
      assertThat(
              AuditDatabase.count(
                  audit.database(), "entry_id = ?", UUID.fromString(entry.getEntryId())))
          .isEqualTo(1);
    }
  }

  @Test
  void callsStillRunningAfterTheGracePeriodAreCancelledAndStoreNothing() throws Exception {
    try (TestAuditServer audit = TestAuditServer.start(Duration.ofMillis(200))) {
      AuditEntry entry = Entries.entry();
      long started = System.nanoTime();
      try (ChainLock lock = ChainLock.take(audit.database())) {
        ListenableFuture<RecordResponse> inFlight =
            audit.auditFutures().record(RecordRequest.newBuilder().setEntry(entry).build());
        lock.awaitWaiters(1, Duration.ofSeconds(10));

        audit.server().stop();

        assertThat(Duration.ofNanos(System.nanoTime() - started))
            .isLessThan(Duration.ofSeconds(15));
        assertThatExceptionOfType(ExecutionException.class)
            .isThrownBy(() -> inFlight.get(10, TimeUnit.SECONDS))
            .havingCause()
            .isInstanceOfSatisfying(
                StatusRuntimeException.class,
                e ->
                    assertThat(e.getStatus().getCode())
                        .isIn(Status.Code.UNAVAILABLE, Status.Code.CANCELLED));
      }
      assertThat(
              AuditDatabase.count(
                  audit.database(), "entry_id = ?", UUID.fromString(entry.getEntryId())))
          .isZero();
    }
  }

  private static boolean refusesNewCalls(int port) {
    ManagedChannel fresh =
        Grpc.newChannelBuilderForAddress("127.0.0.1", port, InsecureChannelCredentials.create())
            .build();
    try {
      HealthGrpc.newBlockingStub(fresh)
          .withDeadlineAfter(2, TimeUnit.SECONDS)
          .check(HealthCheckRequest.getDefaultInstance());
      return false;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode() == Status.Code.UNAVAILABLE;
    } finally {
      fresh.shutdownNow();
    }
  }
}
