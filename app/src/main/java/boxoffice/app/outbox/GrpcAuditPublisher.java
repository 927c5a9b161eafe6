package boxoffice.app.outbox;

import boxoffice.audit.v1.AuditEntry;
import boxoffice.audit.v1.AuditServiceGrpc;
import boxoffice.audit.v1.RecordBatchRequest;
import boxoffice.audit.v1.RecordBatchResponse;
import boxoffice.platform.TraceParent;
import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends outbox rows to the audit service with RecordBatch, bounded by a deadline. A batch goes in
 * as few calls as keep each request under {@link #MAX_CALL_BYTES}, since gRPC servers refuse
 * messages over 4 MiB by default. Statuses that say the entries themselves are wrong are permanent
 * refusals ({@link RowsRefusedException}); every other status describes the service, the network or
 * our configuration, so it is retried.
 */
final class GrpcAuditPublisher implements OutboxPublisher {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  /** The largest request sent, well under gRPC's default 4 MiB limit on incoming messages. */
  static final int MAX_CALL_BYTES = 1024 * 1024;

  /**
   * The entries are invalid (too large a payload, a malformed field): resending cannot help.
   * UNAUTHENTICATED, PERMISSION_DENIED and UNIMPLEMENTED are left out on purpose: they come from a
   * wrong token or server, would refuse every row alike, and clear once the configuration is fixed.
   */
  private static final Set<Status.Code> PERMANENT =
      EnumSet.of(
          Status.Code.INVALID_ARGUMENT, Status.Code.FAILED_PRECONDITION, Status.Code.OUT_OF_RANGE);

  private final ManagedChannel channel;
  private final AuditServiceGrpc.AuditServiceBlockingStub stub;
  private final Duration deadline;
  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final LongAdder duplicates = new LongAdder();

  GrpcAuditPublisher(String target, String token, Duration deadline, OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer("boxoffice.grpc");
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
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
    List<AuditEntry> entries = rows.stream().map(GrpcAuditPublisher::entry).toList();
    int from = 0;
    while (from < rows.size()) {
      int to = from;
      long bytes = 0;
      while (to < rows.size() && (to == from || bytes + size(entries.get(to)) <= MAX_CALL_BYTES)) {
        bytes += size(entries.get(to++));
      }
      if (bytes > MAX_CALL_BYTES) {
        throw new RowsRefusedException(
            "audit entry of " + bytes + " bytes exceeds the " + MAX_CALL_BYTES + "-byte call limit",
            null);
      }
      recordBatch(rows.subList(from, to), entries.subList(from, to));
      from = to;
    }
  }

  /** The entry's share of a request: its bytes plus the field's tag and length prefix. */
  private static long size(AuditEntry entry) {
    return entry.getSerializedSize() + 8L;
  }

  private void recordBatch(List<OutboxRow> rows, List<AuditEntry> entries) {
    RecordBatchRequest request = RecordBatchRequest.newBuilder().addAllEntries(entries).build();
    // One client span per call: a child of the first row's request, linked to every other row's.
    SpanBuilder builder =
        tracer
            .spanBuilder("boxoffice.audit.v1.AuditService/RecordBatch")
            .setSpanKind(SpanKind.CLIENT)
            .setParent(TraceParent.restore(rows.getFirst().traceParent()))
            .setAttribute("rpc.system", "grpc")
            .setAttribute("audit.entries", rows.size());
    rows.stream()
        .skip(1)
        .map(row -> Span.fromContext(TraceParent.restore(row.traceParent())).getSpanContext())
        .filter(SpanContext::isValid)
        .forEach(builder::addLink);
    Span span = builder.startSpan();
    Metadata traceHeaders = new Metadata();
    propagator.inject(
        Context.root().with(span),
        traceHeaders,
        (headers, key, value) ->
            headers.put(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER), value));
    try {
      RecordBatchResponse response =
          stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
              .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(traceHeaders))
              .recordBatch(request);
      duplicates.add(response.getDuplicates());
    } catch (StatusRuntimeException e) {
      span.setStatus(StatusCode.ERROR, e.getStatus().getCode().name());
      if (PERMANENT.contains(e.getStatus().getCode())) {
        throw new RowsRefusedException(
            "audit service: " + e.getStatus().getCode() + ": " + e.getStatus().getDescription(), e);
      }
      throw new IllegalStateException("audit service: " + e.getStatus(), e);
    } finally {
      span.end();
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
  public long duplicates() {
    return duplicates.sum();
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
