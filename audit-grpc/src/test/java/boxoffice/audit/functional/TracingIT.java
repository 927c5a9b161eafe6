package boxoffice.audit.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import boxoffice.audit.v1.AuditServiceGrpc;
import boxoffice.audit.v1.RecordRequest;
import boxoffice.platform.Telemetry;
import boxoffice.testing.Await;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class TracingIT {
  private static final String RECORD = "boxoffice.audit.v1.AuditService/Record";
  private static final Duration EXPORT_WAIT = Duration.ofSeconds(10);

  private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
  private static final CallLogLines CALL_LOG = new CallLogLines();
  private static OpenTelemetrySdk telemetry;
  private static TestAuditServer audit;

  @BeforeAll
  static void start() {
    telemetry = Telemetry.withExporter(SPANS, "boxoffice-audit");
    audit = TestAuditServer.start(telemetry);
    CALL_LOG.start();
    callLogger().addAppender(CALL_LOG);
  }

  @AfterAll
  static void stop() {
    callLogger().detachAppender(CALL_LOG);
    audit.close();
    telemetry.shutdown().join(10, TimeUnit.SECONDS);
  }

  @BeforeEach
  void forgetEarlierSpans() {
    telemetry.getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS);
    SPANS.reset();
  }

  @Test
  void aCallWithATraceparentContinuesTheCallersTrace() {
    String traceId = hex(32);
    String callerSpanId = hex(16);

    record(traceparent("00-" + traceId + "-" + callerSpanId + "-01"));

    SpanData span = serverSpan(RECORD, traceId);
    assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(span.getName()).isEqualTo(RECORD);
    assertThat(span.getParentSpanId()).isEqualTo(callerSpanId);
    assertThat(span.getParentSpanContext().isRemote()).isTrue();
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(span.getAttributes().asMap())
        .containsEntry(AttributeKey.stringKey("rpc.system"), "grpc")
        .containsEntry(AttributeKey.stringKey("rpc.service"), "boxoffice.audit.v1.AuditService")
        .containsEntry(AttributeKey.stringKey("rpc.method"), "Record")
        .containsEntry(AttributeKey.longKey("rpc.grpc.status_code"), 0L);
    assertThat(span.getResource().getAttribute(AttributeKey.stringKey("service.name")))
        .isEqualTo("boxoffice-audit");
  }

  @Test
  void aCallWithoutATraceparentStartsANewTrace() {
    String otherTraceId = hex(32);
    record(traceparent("00-" + otherTraceId + "-" + hex(16) + "-01"));
    record(null);

    SpanData span =
        awaitSpan(
            "a Record span outside the other trace",
            s -> s.getName().equals(RECORD) && !s.getTraceId().equals(otherTraceId));
    assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(span.getParentSpanContext().isValid()).isFalse();
    assertThat(span.getSpanContext().isValid()).isTrue();
  }

  @Test
  void aRefusedCallEndsItsSpanAsAnError() {
    String traceId = hex(32);
    var stranger =
        AuditServiceGrpc.newBlockingStub(audit.channel())
            .withInterceptors(
                TestAuditServer.bearer("not-the-shared-token"),
                traceparent("00-" + traceId + "-" + hex(16) + "-01"));

    assertThatExceptionOfType(StatusRuntimeException.class)
        .isThrownBy(() -> stranger.record(RecordRequest.newBuilder().build()));

    SpanData span = serverSpan(RECORD, traceId);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getStatus().getDescription()).startsWith("UNAUTHENTICATED");
    assertThat(span.getAttributes().get(AttributeKey.longKey("rpc.grpc.status_code")))
        .isEqualTo(16L);
  }

  @Test
  void anInvalidArgumentEndsTheSpanAsAnError() {
    String traceId = hex(32);
    var stub = audit.audit().withInterceptors(traceparent("00-" + traceId + "-" + hex(16) + "-01"));

    assertThatExceptionOfType(StatusRuntimeException.class)
        .isThrownBy(() -> stub.record(RecordRequest.getDefaultInstance()));

    SpanData span = serverSpan(RECORD, traceId);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().get(AttributeKey.longKey("rpc.grpc.status_code")))
        .isEqualTo(3L);
  }

  @Test
  void databaseStatementsOfTheCallAreChildrenOfItsSpan() {
    String traceId = hex(32);

    record(traceparent("00-" + traceId + "-" + hex(16) + "-01"));

    SpanData server = serverSpan(RECORD, traceId);
    SpanData insert =
        awaitSpan(
            "the INSERT of the entry",
            s -> s.getTraceId().equals(traceId) && s.getName().equals("INSERT"));
    assertThat(insert.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(insert.getParentSpanId()).isEqualTo(server.getSpanId());
    assertThat(insert.getAttributes().get(AttributeKey.stringKey("db.statement")))
        .startsWith("INSERT INTO audit_entries")
        .doesNotContain("booking.created");
  }

  @Test
  void theCallLogLineCarriesTheTraceAndSpanIds() {
    String traceId = hex(32);

    record(traceparent("00-" + traceId + "-" + hex(16) + "-01"));

    SpanData span = serverSpan(RECORD, traceId);
    Await.until(
        "the call is logged with its trace id",
        EXPORT_WAIT,
        () -> CALL_LOG.withTraceId(traceId).isPresent());
    assertThat(CALL_LOG.withTraceId(traceId).orElseThrow())
        .containsEntry("spanId", span.getSpanId());
  }

  private static void record(ClientInterceptor traceparent) {
    var stub = audit.audit();
    if (traceparent != null) {
      stub = stub.withInterceptors(traceparent);
    }
    stub.record(RecordRequest.newBuilder().setEntry(Entries.entry()).build());
  }

  private static ClientInterceptor traceparent(String value) {
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER), value);
    return MetadataUtils.newAttachHeadersInterceptor(headers);
  }

  private static SpanData serverSpan(String name, String traceId) {
    return awaitSpan(
        "the " + name + " server span of trace " + traceId,
        s ->
            s.getName().equals(name)
                && s.getTraceId().equals(traceId)
                && s.getKind() == SpanKind.SERVER);
  }

  /** Flushes the batch processor until a matching span has been exported. */
  private static SpanData awaitSpan(String what, java.util.function.Predicate<SpanData> matches) {
    Await.until(
        what,
        EXPORT_WAIT,
        () -> {
          telemetry.getSdkTracerProvider().forceFlush().join(1, TimeUnit.SECONDS);
          return SPANS.getFinishedSpanItems().stream().anyMatch(matches);
        });
    List<SpanData> found = SPANS.getFinishedSpanItems().stream().filter(matches).toList();
    assertThat(found).as(what).hasSize(1);
    return found.getFirst();
  }

  private static String hex(int digits) {
    String random = UUID.randomUUID().toString().replace("-", "");
    return (random + random).substring(0, digits);
  }

  private static Logger callLogger() {
    return (Logger) LoggerFactory.getLogger("boxoffice.audit.grpc.CallLogInterceptor");
  }

  /** The logging context (MDC) of every call log line, captured as it is written. */
  private static final class CallLogLines extends AppenderBase<ILoggingEvent> {
    private final List<Map<String, String>> contexts = new CopyOnWriteArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
      contexts.add(new HashMap<>(event.getMDCPropertyMap()));
    }

    Optional<Map<String, String>> withTraceId(String traceId) {
      return contexts.stream().filter(c -> traceId.equals(c.get("traceId"))).findFirst();
    }
  }
}
