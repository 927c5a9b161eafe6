package boxoffice.app.data;

import boxoffice.audit.v1.AuditEntry;
import boxoffice.audit.v1.AuditServiceGrpc;
import boxoffice.audit.v1.RecordBatchRequest;
import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Sends outbox rows to the audit service with RecordBatch, bounded by a deadline. */
final class GrpcAuditPublisher implements OutboxPublisher {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final ManagedChannel channel;
  private final AuditServiceGrpc.AuditServiceBlockingStub stub;
  private final Duration deadline;

  GrpcAuditPublisher(String target, String token, Duration deadline) {
    this.channel = NettyChannelBuilder.forTarget(target).usePlaintext().build();
    Metadata headers = new Metadata();
    headers.put(AUTHORIZATION, "Bearer " + token);
    this.stub =
        AuditServiceGrpc.newBlockingStub(channel)
            .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    this.deadline = deadline;
  }

  @Override
  public OutboxDestination destination() {
    return OutboxDestination.AUDIT;
  }

  @Override
  public void publish(List<OutboxRow> rows) {
    RecordBatchRequest request =
        RecordBatchRequest.newBuilder()
            .addAllEntries(rows.stream().map(GrpcAuditPublisher::entry).toList())
            .build();
    try {
      stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS).recordBatch(request);
    } catch (StatusRuntimeException e) {
      throw new IllegalStateException("audit service: " + e.getStatus(), e);
    }
  }

  /** The outbox id is the entry id, so a resent row is recognised as a duplicate. */
  static AuditEntry entry(OutboxRow row) {
    return AuditEntry.newBuilder()
        .setEntryId(row.id().toString())
        .setAction(row.type())
        .setActorId(row.actorId().map(UUID::toString).orElse(""))
        .setEntityType(row.aggregateType())
        .setEntityId(row.aggregateId().toString())
        .setOccurredAt(timestamp(row.createdAt()))
        .setPayloadJson(row.payloadJson())
        .build();
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }

  @Override
  public void close() {
    channel.shutdown();
    try {
      if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
