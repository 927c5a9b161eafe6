package boxoffice.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * prometheus/prometheus.yml and alerts.yml are what Prometheus accepts, and the alert unit tests in
 * alerts_test.yml pass (promtool from Debian's prometheus package).
 */
class PrometheusConfigTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void prometheusAcceptsTheConfiguration() {
    Promtool.Result result = Promtool.run("check", "config", "prometheus/prometheus.yml");

    assertThat(result.exitCode()).as("promtool check config: %s", result).isZero();
  }

  @Test
  void prometheusAcceptsTheAlertRules() {
    Promtool.Result result = Promtool.run("check", "rules", "prometheus/alerts.yml");

    assertThat(result.exitCode()).as("promtool check rules: %s", result).isZero();
  }

  @Test
  void theAlertUnitTestsPass() {
    Promtool.Result result = Promtool.run("test", "rules", "prometheus/alerts_test.yml");

    assertThat(result.exitCode()).as("promtool test rules: %s", result).isZero();
  }

  @Test
  void everyServiceOfTheStackIsScraped() throws IOException {
    JsonNode config =
        YAML.readTree(Promtool.REPOSITORY.resolve("prometheus/prometheus.yml").toFile());
    Map<String, List<String>> targets = new LinkedHashMap<>();
    for (JsonNode job : config.path("scrape_configs")) {
      List<String> jobTargets = new ArrayList<>();
      job.path("static_configs")
          .forEach(c -> c.path("targets").forEach(t -> jobTargets.add(t.asText())));
      targets.put(job.path("job_name").asText(), jobTargets);
    }

    assertThat(targets)
        .containsEntry("prometheus", List.of("localhost:9090"))
        .containsEntry("app", List.of("app:8080"))
        .containsEntry("audit", List.of("audit:9464"))
        .containsEntry("notification", List.of("notification:8081"));
  }

  @Test
  void everyAlertIsTestedFiringAndQuiet() throws IOException {
    Set<String> alerts = new TreeSet<>();
    for (JsonNode group :
        YAML.readTree(Promtool.REPOSITORY.resolve("prometheus/alerts.yml").toFile())
            .path("groups")) {
      group.path("rules").forEach(rule -> alerts.add(rule.path("alert").asText()));
    }
    Set<String> firing = new TreeSet<>();
    Set<String> quiet = new TreeSet<>();
    JsonNode tests =
        YAML.readTree(Promtool.REPOSITORY.resolve("prometheus/alerts_test.yml").toFile());
    for (JsonNode test : tests.path("tests")) {
      for (JsonNode check : test.path("alert_rule_test")) {
        String alert = check.path("alertname").asText();
        (check.path("exp_alerts").isEmpty() ? quiet : firing).add(alert);
      }
    }

    assertThat(alerts)
        .contains("HighErrorRate", "HighLatencyP99", "OutboxBacklogGrowing", "ServiceDown");
    assertThat(firing).as("alerts shown firing").isEqualTo(alerts);
    assertThat(quiet).as("alerts shown staying quiet").isEqualTo(alerts);
  }
}
