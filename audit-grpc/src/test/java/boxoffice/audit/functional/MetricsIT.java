package boxoffice.audit.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import boxoffice.audit.v1.AuditEntry;
import boxoffice.audit.v1.AuditServiceGrpc;
import boxoffice.audit.v1.RecordBatchRequest;
import boxoffice.audit.v1.RecordRequest;
import boxoffice.audit.v1.VerifyChainRequest;
import boxoffice.testing.Await;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MetricsIT {
  private static final String RECORD = "boxoffice.audit.v1.AuditService/Record";
  private static final String HANDLED = "grpc_server_handled_total";

  @RegisterExtension static final RunningAuditServer audit = new RunningAuditServer();

  @Test
  void recordCallsAreCountedByFullMethodNameAndStatusCode() {
    Scrape before = scrape();

    record(Entries.entry());
    record(Entries.entry());
    assertThatExceptionOfType(StatusRuntimeException.class)
        .isThrownBy(() -> audit.audit().record(RecordRequest.getDefaultInstance()))
        .satisfies(
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    assertThatExceptionOfType(StatusRuntimeException.class)
        .isThrownBy(
            () ->
                AuditServiceGrpc.newBlockingStub(audit.channel())
                    .record(RecordRequest.newBuilder().setEntry(Entries.entry()).build()))
        .satisfies(e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));

    Scrape after = scrape();
    assertThat(increase(before, after, HANDLED, Map.of("grpc_method", RECORD, "grpc_code", "OK")))
        .isEqualTo(2);
    assertThat(
            increase(
                before,
                after,
                HANDLED,
                Map.of("grpc_method", RECORD, "grpc_code", "INVALID_ARGUMENT")))
        .isEqualTo(1);
    assertThat(
            increase(
                before,
                after,
                HANDLED,
                Map.of("grpc_method", RECORD, "grpc_code", "UNAUTHENTICATED")))
        .isEqualTo(1);
    assertThat(increase(before, after, "grpc_server_started_total", Map.of("grpc_method", RECORD)))
        .isEqualTo(4);
    assertThat(
            increase(
                before, after, "grpc_server_handling_seconds_count", Map.of("grpc_method", RECORD)))
        .isEqualTo(4);
    assertThat(
            increase(
                before,
                after,
                "grpc_server_handling_seconds_bucket",
                Map.of("grpc_method", RECORD, "le", "+Inf")))
        .isEqualTo(4);
  }

  @Test
  void aCallPastItsDeadlineIsCountedAsDeadlineExceeded() throws Exception {
    Map<String, String> exceeded = Map.of("grpc_method", RECORD, "grpc_code", "DEADLINE_EXCEEDED");
    Scrape before = scrape();

    try (ChainLock lock = ChainLock.take(audit.database())) {
      assertThatExceptionOfType(StatusRuntimeException.class)
          .isThrownBy(
              () ->
                  audit
                      .audit()
                      .withDeadlineAfter(300, TimeUnit.MILLISECONDS)
                      .record(RecordRequest.newBuilder().setEntry(Entries.entry()).build()))
          .satisfies(
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));
      // The server learns of the deadline on its own clock: wait for it to give the call up.
      lock.awaitWaiters(0, Duration.ofSeconds(10));
      Await.until(
          "the server counts the call as DEADLINE_EXCEEDED",
          Duration.ofSeconds(10),
          () -> increase(before, scrape(), HANDLED, exceeded) == 1);
    }

    assertThat(increase(before, scrape(), HANDLED, exceeded)).isEqualTo(1);
  }

  @Test
  void everyAuditMethodIsExposedAtZeroBeforeItsFirstCall() {
    Scrape scrape = scrape();

    for (MethodDescriptor<?, ?> method : AuditServiceGrpc.getServiceDescriptor().getMethods()) {
      String name = method.getFullMethodName();
      assertThat(scrape.samples(HANDLED))
          .as(name)
          .anySatisfy(
              s ->
                  assertThat(s.labels()).isEqualTo(Map.of("grpc_method", name, "grpc_code", "OK")));
      assertThat(scrape.samples("grpc_server_started_total"))
          .anySatisfy(s -> assertThat(s.labels()).isEqualTo(Map.of("grpc_method", name)));
    }
  }

  @Test
  void callSeriesAreLabelledByMethodAndCodeOnlyNeverByWhatTheCallCarried() {
    AuditEntry entry = Entries.entry();
    record(entry);
    HealthGrpc.newBlockingStub(audit.channel()).check(HealthCheckRequest.getDefaultInstance());

    Scrape scrape = scrape();

    Set<String> methods =
        scrape.samples(HANDLED).stream()
            .map(s -> s.labels().get("grpc_method"))
            .collect(Collectors.toSet());
    assertThat(methods).contains(RECORD, "grpc.health.v1.Health/Check");
    assertThat(methods)
        .allMatch(m -> m.matches("[a-z0-9.]+\\.[A-Z][A-Za-z]+/[A-Z][A-Za-z]+"), "a full name");
    assertThat(scrape.samples(HANDLED))
        .allSatisfy(s -> assertThat(s.labels()).containsOnlyKeys("grpc_method", "grpc_code"));
    assertThat(scrape.samples("grpc_server_handling_seconds_count"))
        .allSatisfy(s -> assertThat(s.labels()).containsOnlyKeys("grpc_method"));
  }

  @Test
  void appendedEntriesAndDuplicatesAreCountedApart() {
    AuditEntry first = Entries.entry();
    Scrape before = scrape();

    record(first);
    record(first);
    audit
        .audit()
        .recordBatch(
            RecordBatchRequest.newBuilder().addEntries(Entries.entry()).addEntries(first).build());

    Scrape after = scrape();
    assertThat(increase(before, after, "boxoffice_audit_entries_appended_total", Map.of()))
        .isEqualTo(2);
    assertThat(increase(before, after, "boxoffice_audit_entries_duplicate_total", Map.of()))
        .isEqualTo(2);
  }

  @Test
  void chainVerificationsAreCountedByResult() {
    Scrape before = scrape();

    assertThat(audit.audit().verifyChain(VerifyChainRequest.getDefaultInstance()).getValid())
        .isTrue();

    Scrape after = scrape();
    assertThat(
            increase(
                before,
                after,
                "boxoffice_audit_chain_verifications_total",
                Map.of("result", "intact")))
        .isEqualTo(1);
    assertThat(after.value("boxoffice_audit_chain_verifications_total", Map.of("result", "broken")))
        .isZero();
  }

  @Test
  void theConnectionPoolAndTheJvmAreMeasured() {
    Scrape scrape = scrape();

    assertThat(scrape.value("hikaricp_connections_max", Map.of("pool", "audit"))).isEqualTo(8);
    assertThat(scrape.value("hikaricp_connections", Map.of("pool", "audit", "state", "total")))
        .isPositive();
    assertThat(scrape.samples("jvm_memory_used_bytes")).isNotEmpty();
    assertThat(scrape.samples("jvm_threads_current")).isNotEmpty();
    assertThat(scrape.samples("process_cpu_seconds_total")).isNotEmpty();
  }

  @Test
  void theMetricsPortAnswersLivenessAndNothingElse() {
    HttpResponse<String> live = Scrape.get(audit.server().metricsPort(), "/health/live");
    HttpResponse<String> elsewhere = Scrape.get(audit.server().metricsPort(), "/admin");

    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.body()).contains("UP");
    assertThat(elsewhere.statusCode()).isEqualTo(404);
  }

  @Test
  void eachServerCountsOnlyItsOwnCalls() {
    try (TestAuditServer other = TestAuditServer.start()) {
      assertThat(other.server().metricsPort()).isNotEqualTo(audit.server().metricsPort());
      Scrape before = Scrape.of(other.server().metricsPort());

      record(Entries.entry());

      Scrape after = Scrape.of(other.server().metricsPort());
      assertThat(increase(before, after, HANDLED, Map.of("grpc_method", RECORD, "grpc_code", "OK")))
          .isZero();
      assertThat(after.value(HANDLED, Map.of("grpc_method", RECORD, "grpc_code", "OK"))).isZero();
    }
  }

  private static void record(AuditEntry entry) {
    audit.audit().record(RecordRequest.newBuilder().setEntry(entry).build());
  }

  private static Scrape scrape() {
    return Scrape.of(audit.server().metricsPort());
  }

  private static double increase(
      Scrape before, Scrape after, String name, Map<String, String> labels) {
    return after.value(name, labels) - before.value(name, labels);
  }
}
