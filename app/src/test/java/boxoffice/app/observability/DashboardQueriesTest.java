package boxoffice.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.functional.HttpApi;
import boxoffice.app.functional.TestApp;
import boxoffice.app.observability.ObservabilityFiles.Query;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every metric a Grafana dashboard or an alert rule asks for is one the real app exposes, with the
 * labels and label values the query matches on; and every dashboard query is valid PromQL.
 */
class DashboardQueriesTest {
  /** Series Prometheus makes itself rather than scraping them from the app. */
  private static final Set<String> NOT_FROM_THE_APP = Set.of("up");

  /** Labels Prometheus attaches to every scraped series (the target's). */
  private static final Set<String> TARGET_LABELS = Set.of("job", "instance");

  private static TestApp app;
  private static ExposedMetrics exposed;

  @BeforeAll
  static void startTheAppAndScrapeItAfterSomeTraffic() {
    // An audit relay to a closed port: the outbox families only have series once a relay exists.
    app = TestApp.start(Map.of("AUDIT_TARGET", "127.0.0.1:1"));
    bookSeatsUntilSoldOutAndCancel(app.http());
    HttpApi.Response scrape = app.http().get("/metrics");
    assertThat(scrape.status()).isEqualTo(200);
    exposed = ExposedMetrics.parse(scrape.body());
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void everyDashboardQueryAsksForMetricsTheAppExposes() {
    List<Query> queries = ObservabilityFiles.dashboardQueries();

    assertThat(queries).hasSizeGreaterThan(20);
    assertThat(problems(queries)).isEmpty();
  }

  @Test
  void everyAlertRuleAsksForMetricsTheAppExposes() {
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
            "hikaricp_connections",
            "jvm_memory_used_bytes",
            "jvm_gc_collection_seconds_sum",
            "jvm_threads_current");
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

  /** What each query asks for that the app does not offer; empty when all is well. */
  private static List<String> problems(List<Query> queries) {
    List<String> problems = new ArrayList<>();
    for (Query query : queries) {
      List<PromQlSelectors.Selector> selectors = PromQlSelectors.of(query.expr());
      if (selectors.isEmpty()) {
        problems.add(query.origin() + ": no metric found in " + query.expr());
      }
      for (PromQlSelectors.Selector selector : selectors) {
        String metric = selector.metric();
        if (NOT_FROM_THE_APP.contains(metric)) {
          continue;
        }
        if (!exposed.offers(metric)) {
          problems.add(query.origin() + ": " + metric + " is not exposed by the app");
          continue;
        }
        for (PromQlSelectors.Matcher matcher : selector.matchers()) {
          problem(metric, matcher).ifPresent(p -> problems.add(query.origin() + ": " + p));
        }
      }
    }
    return problems;
  }

  private static Optional<String> problem(String metric, PromQlSelectors.Matcher matcher) {
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

  /** A login, a failed login, a booking, a sold-out refusal, a cancellation, cached reads. */
  private static void bookSeatsUntilSoldOutAndCancel(HttpApi http) {
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
    HttpApi.Response created = http.post("/api/v1/events", event, admin);
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    String eventId = created.json().get("id").asText();
    String user =
        http.registerAndLogin("dashboards@example.org", "password-1").get("accessToken").asText();

    HttpApi.Response booked =
        http.post("/api/v1/events/" + eventId + "/bookings", Map.of("quantity", 1), user);
    HttpApi.Response soldOut =
        http.post("/api/v1/events/" + eventId + "/bookings", Map.of("quantity", 1), user);
    HttpApi.Response cancelled =
        http.post(
            "/api/v1/bookings/" + booked.json().get("id").asText() + "/cancel", Map.of(), user);
    http.get("/api/v1/events/" + eventId);
    http.get("/api/v1/events/" + eventId);
    http.login("nobody@example.org", "wrong-password");

    assertThat(booked.status()).as("%s", booked).isEqualTo(201);
    assertThat(soldOut.status()).as("%s", soldOut).isEqualTo(409);
    assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(200);
  }
}
