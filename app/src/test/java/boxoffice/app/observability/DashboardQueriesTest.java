package boxoffice.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.observability.ObservabilityFiles.Query;
import boxoffice.app.testing.FullStack;
import boxoffice.app.testing.TestApp;
import boxoffice.app.testing.TestHttpClient;
import boxoffice.testing.PerClass;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every metric a Grafana dashboard or an alert rule asks for is one the real service named by the
 * query's {@code job} exposes (app, audit server, notification service), with the labels and label
 * values the query matches on; and every dashboard query is valid PromQL.
 */
class DashboardQueriesTest {
  /** Series Prometheus makes itself rather than scraping them from a service. */
  private static final Set<String> NOT_FROM_A_SERVICE = Set.of("up");

  /** Labels Prometheus attaches to every scraped series (the target's). */
  private static final Set<String> TARGET_LABELS = Set.of("job", "instance");

  @RegisterExtension static final PerClass<FullStack> stack = PerClass.of(FullStack::untraced);

  /** What each Prometheus job's target serves, after the traffic below. */
  private static final Map<String, ExposedMetrics> EXPOSED_BY_JOB = new LinkedHashMap<>();

  @BeforeAll
  static void startTheServicesAndScrapeThemAfterSomeTraffic() throws IOException {
    TestHttpClient http = stack.get().app().http();
    String email = bookSeatsUntilSoldOutAndCancel(http);
    stack.get().notifications().awaitMailsTo(email, 2);
    EXPOSED_BY_JOB.put("app", ExposedMetrics.parse(scrape(http.baseUrl() + "/metrics")));
    EXPOSED_BY_JOB.put("audit", ExposedMetrics.parse(scrape(stack.get().audit().metricsUrl())));
    EXPOSED_BY_JOB.put(
        "notification",
        ExposedMetrics.parse(scrape(stack.get().notifications().notificationMetricsUrl())));
  }

  private static String scrape(String url) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(HttpRequest.newBuilder(URI.create(url)).build(), BodyHandlers.ofString());
      assertThat(response.statusCode()).as(url).isEqualTo(200);
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyDashboardQueryAsksForMetricsItsServiceExposes() {
    List<Query> queries = ObservabilityFiles.dashboardQueries();

    assertThat(queries).hasSizeGreaterThan(20);
    assertThat(problems(queries)).isEmpty();
  }

  @Test
  void everyAlertRuleAsksForMetricsItsServiceExposes() {
    List<Query> queries = ObservabilityFiles.alertQueries();

    assertThat(queries).isNotEmpty();
    assertThat(problems(queries)).isEmpty();
  }

  @Test
  void theDashboardsCoverWhatOperatorsWatch() {
    Set<String> used = new TreeSet<>();
    ObservabilityFiles.dashboardQueries()
        .forEach(q -> used.addAll(PromQlSelectors.metricNames(q.expr())));

    assertThat(used)
        .contains(
            "http_server_requests_total",
            "http_server_request_duration_seconds_bucket",
            "http_server_errors_total",
            "boxoffice_bookings_created_total",
            "boxoffice_bookings_cancelled_total",
            "boxoffice_booking_sold_out_total",
            "boxoffice_cache_requests_total",
            "boxoffice_outbox_backlog",
            "boxoffice_outbox_parked_rows",
            "hikaricp_connections",
            "jvm_memory_used_bytes",
            "jvm_gc_collection_seconds_sum",
            "jvm_threads_current",
            "grpc_server_handled_total",
            "boxoffice_audit_entries_appended_total",
            "notification_messages_total",
            "notification_emails_failed_total",
            "notification_messages_dead_lettered_total",
            "notification_consumer_lag");
  }

  @Test
  void everyDashboardQueryIsValidPromQl(@TempDir Path dir) throws IOException {
    // promtool parses rule expressions: each query becomes a recording rule, Grafana's interval
    // macros a fixed range and its variables a match-all regex.
    ArrayNode rules = ObservabilityFiles.YAML.createArrayNode();
    StringBuilder legend = new StringBuilder();
    List<Query> queries = ObservabilityFiles.dashboardQueries();
    for (int i = 0; i < queries.size(); i++) {
      String expr = queries.get(i).expr().replaceAll("\\$__\\w+", "5m").replaceAll("\\$\\w+", ".*");
      rules.addObject().put("record", "dashboard_query_" + i).put("expr", expr);
      legend.append("\n  dashboard_query_").append(i).append(" = ").append(queries.get(i).origin());
    }
    ObjectNode file = ObservabilityFiles.YAML.createObjectNode();
    file.putArray("groups").addObject().put("name", "dashboards").set("rules", rules);
    Path rulesFile = dir.resolve("dashboard-queries.yml");
    Files.writeString(rulesFile, ObservabilityFiles.YAML.writeValueAsString(file));

    Promtool.Result result = Promtool.run("check", "rules", rulesFile.toString());

    assertThat(result.exitCode()).as("%s\nwhere%s", result, legend).isZero();
  }

  /** What each query asks for that its service does not offer; empty when all is well. */
  private static List<String> problems(List<Query> queries) {
    List<String> problems = new ArrayList<>();
    for (Query query : queries) {
      List<PromQlSelectors.Selector> selectors = PromQlSelectors.of(query.expr());
      if (selectors.isEmpty()) {
        problems.add(query.origin() + ": no metric found in " + query.expr());
      }
      for (PromQlSelectors.Selector selector : selectors) {
        String metric = selector.metric();
        if (NOT_FROM_A_SERVICE.contains(metric)) {
          continue;
        }
        Optional<String> job =
            selector.matchers().stream()
                .filter(m -> m.label().equals("job") && m.op().equals("="))
                .map(PromQlSelectors.Matcher::value)
                .findFirst();
        if (job.isEmpty() || !EXPOSED_BY_JOB.containsKey(job.get())) {
          problems.add(
              query.origin()
                  + ": "
                  + metric
                  + " names none of the jobs "
                  + EXPOSED_BY_JOB.keySet());
          continue;
        }
        ExposedMetrics exposed = EXPOSED_BY_JOB.get(job.get());
        if (!exposed.offers(metric)) {
          problems.add(query.origin() + ": " + metric + " is not exposed by " + job.get());
          continue;
        }
        for (PromQlSelectors.Matcher matcher : selector.matchers()) {
          problem(exposed, metric, matcher).ifPresent(p -> problems.add(query.origin() + ": " + p));
        }
      }
    }
    return problems;
  }

  private static Optional<String> problem(
      ExposedMetrics exposed, String metric, PromQlSelectors.Matcher matcher) {
    String label = matcher.label();
    if (TARGET_LABELS.contains(label) || label.equals("__name__") || !exposed.hasSamples(metric)) {
      return Optional.empty();
    }
    Optional<Set<String>> values = exposed.labelValues(metric, label);
    if (values.isEmpty()) {
      return Optional.of(metric + " has no label " + label);
    }
    if (matcher.op().equals("=") && !values.get().contains(matcher.value())) {
      return Optional.of(
          metric
              + "{"
              + label
              + "=\""
              + matcher.value()
              + "\"} matches nothing; values: "
              + values.get());
    }
    return Optional.empty();
  }

  /**
   * A login, a failed login, a booking, a sold-out refusal, a cancellation, cached reads; returns
   * the e-mail address of the user who booked (two e-mails go to it).
   */
  private static String bookSeatsUntilSoldOutAndCancel(TestHttpClient http) {
    String admin =
        http.login(TestApp.ADMIN_EMAIL, TestApp.ADMIN_PASSWORD).json().get("accessToken").asText();
    Instant startsAt = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("title", "Dashboard Rehearsal");
    event.put("description", "Seats for the metrics");
    event.put("venue", "Main Hall");
    event.put("startsAt", startsAt.toString());
    event.put("endsAt", startsAt.plus(Duration.ofHours(2)).toString());
    event.put("capacity", 1);
    event.put("status", "PUBLISHED");
    TestHttpClient.Response created = http.post("/api/v1/events", event, admin);
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    String eventId = created.json().get("id").asText();
    String email = "dashboards@example.org";
    String user = http.registerAndLogin(email, "password-1").get("accessToken").asText();

    TestHttpClient.Response booked =
        http.post("/api/v1/events/" + eventId + "/bookings", Map.of("quantity", 1), user);
    TestHttpClient.Response soldOut =
        http.post("/api/v1/events/" + eventId + "/bookings", Map.of("quantity", 1), user);
    TestHttpClient.Response cancelled =
        http.post(
            "/api/v1/bookings/" + booked.json().get("id").asText() + "/cancel", Map.of(), user);
    http.get("/api/v1/events/" + eventId);
    http.get("/api/v1/events/" + eventId);
    http.login("nobody@example.org", "wrong-password");

    assertThat(booked.status()).as("%s", booked).isEqualTo(201);
    assertThat(soldOut.status()).as("%s", soldOut).isEqualTo(409);
    assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(200);
    return email;
  }
}
