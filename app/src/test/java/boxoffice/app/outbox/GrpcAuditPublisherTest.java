package boxoffice.app.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import boxoffice.audit.v1.AuditEntry;
import boxoffice.audit.v1.AuditServiceGrpc;
import boxoffice.audit.v1.RecordBatchRequest;
import boxoffice.audit.v1.RecordBatchResponse;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.api.OpenTelemetry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the audit publisher splits batches and which statuses it takes as refusals for good. */
class GrpcAuditPublisherTest {
  private final List<RecordBatchRequest> requests = new CopyOnWriteArrayList<>();
  private volatile Status answer = Status.OK;
  private Server server;
  private GrpcAuditPublisher publisher;

  @BeforeEach
  void start() throws IOException {
    server =
        NettyServerBuilder.forPort(0)
            .addService(
                new AuditServiceGrpc.AuditServiceImplBase() {
                  @Override
                  public void recordBatch(
                      RecordBatchRequest request, StreamObserver<RecordBatchResponse> response) {
                    requests.add(request);
                    if (!answer.isOk()) {
                      response.onError(answer.asRuntimeException());
                      return;
                    }
                    response.onNext(
                        RecordBatchResponse.newBuilder()
                            .setRecorded(request.getEntriesCount())
                            .build());
                    response.onCompleted();
                  }
                })
            .build()
            .start();
    publisher =
        new GrpcAuditPublisher(
            "127.0.0.1:" + server.getPort(), "token", Duration.ofSeconds(30), OpenTelemetry.noop());
  }

  @AfterEach
  void stop() {
    publisher.close();
    server.shutdownNow();
  }

  @Test
  void aLargeBatchGoesInCallsUnderTheMessageLimitInOrder() {
    List<OutboxRow> rows = rows(60, 50_000);

    publisher.publish(rows);

    assertThat(requests).hasSizeGreaterThan(2);
    assertThat(requests)
        .allSatisfy(
            r ->
                assertThat(r.getSerializedSize())
                    .isLessThanOrEqualTo(GrpcAuditPublisher.MAX_CALL_BYTES));
    assertThat(
            requests.stream().flatMap(r -> r.getEntriesList().stream()).map(AuditEntry::getEntryId))
        .containsExactlyElementsOf(rows.stream().map(row -> row.id().toString()).toList());
  }

  @Test
  void anEntryNoCallCanCarryIsRefusedWithoutSendingIt() {
    assertThatThrownBy(() -> publisher.publish(rows(1, 2 * GrpcAuditPublisher.MAX_CALL_BYTES)))
        .isInstanceOf(RowsRefusedException.class)
        .hasMessageContaining("call limit");
    assertThat(requests).isEmpty();
  }

  @Test
  void invalidEntriesAreRefusedForGood() {
    for (Status.Code code :
        List.of(
            Status.Code.INVALID_ARGUMENT,
            Status.Code.FAILED_PRECONDITION,
            Status.Code.OUT_OF_RANGE)) {
      answer = code.toStatus().withDescription("entries[0].payload_json is too large");

      assertThatThrownBy(() -> publisher.publish(rows(1, 10)))
          .isInstanceOf(RowsRefusedException.class)
          .hasMessage("audit service: " + code + ": entries[0].payload_json is too large");
    }
  }

  @Test
  void troubleWithTheServiceOrOurConfigurationIsRetried() {
    for (Status.Code code :
        List.of(
            Status.Code.UNAVAILABLE,
            Status.Code.DEADLINE_EXCEEDED,
            Status.Code.RESOURCE_EXHAUSTED,
            Status.Code.UNAUTHENTICATED,
            Status.Code.PERMISSION_DENIED,
            Status.Code.INTERNAL)) {
      answer = code.toStatus();

      assertThatThrownBy(() -> publisher.publish(rows(1, 10)))
          .as("%s", code)
          .isInstanceOf(IllegalStateException.class)
          .isNotInstanceOf(RowsRefusedException.class);
    }
  }

  private static List<OutboxRow> rows(int count, int payloadChars) {
    String payload = "{\"note\":\"" + "p".repeat(payloadChars) + "\"}";
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                new OutboxRow(
                    UUID.randomUUID(),
                    "event.updated",
                    "event",
                    UUID.randomUUID(),
                    Optional.empty(),
                    payload,
                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i),
                    Optional.empty()))
        .toList();
  }
}
