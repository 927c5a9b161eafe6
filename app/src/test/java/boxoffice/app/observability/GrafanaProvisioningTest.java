package boxoffice.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Grafana finds the datasource and the dashboards by itself, and every dashboard is well-formed
 * JSON that queries the provisioned datasource by its uid.
 */
class GrafanaProvisioningTest {
  private static final Path GRAFANA = Promtool.REPOSITORY.resolve("grafana");

  @Test
  void thePrometheusDatasourceIsProvisionedWithAFixedUid() {
    JsonNode datasource = provisionedDatasource();

    assertThat(datasource.path("type").asText()).isEqualTo("prometheus");
    assertThat(datasource.path("url").asText()).isEqualTo("http://prometheus:9090");
    assertThat(datasource.path("uid").asText()).isNotBlank();
    assertThat(datasource.path("isDefault").asBoolean()).isTrue();
  }

  @Test
  void theDashboardProviderLoadsTheDashboardsDirectory() {
    JsonNode providers =
        ObservabilityFiles.read(
                ObservabilityFiles.YAML, GRAFANA.resolve("provisioning/dashboards/boxoffice.yml"))
            .path("providers");

    assertThat(providers).hasSize(1);
    assertThat(providers.get(0).path("type").asText()).isEqualTo("file");
    assertThat(providers.get(0).path("options").path("path").asText())
        .isEqualTo("/var/lib/grafana/dashboards");
  }

  @Test
  void everyDashboardIsWellFormedAndUsesTheProvisionedDatasource() {
    String uid = provisionedDatasource().path("uid").asText();
    List<Path> files = ObservabilityFiles.dashboardFiles();
    Set<String> dashboardUids = new HashSet<>();

    assertThat(files).isNotEmpty();
    for (Path file : files) {
      JsonNode dashboard = ObservabilityFiles.read(ObservabilityFiles.JSON, file);
      String name = file.getFileName().toString();
      assertThat(dashboardUids.add(dashboard.path("uid").asText()))
          .as("%s has a uid of its own", name)
          .isTrue();
      assertThat(dashboard.path("title").asText()).as("%s title", name).isNotBlank();
      assertThat(dashboard.path("schemaVersion").asInt())
          .as("%s schemaVersion", name)
          .isBetween(36, 41);
      assertThat(dashboard.has("id")).as("%s has no database id", name).isFalse();
      Set<Integer> panelIds = new HashSet<>();
      for (JsonNode panel : ObservabilityFiles.panels(dashboard)) {
        String title = name + " / " + panel.path("title").asText();
        assertThat(panelIds.add(panel.path("id").asInt()))
            .as("%s: unique panel id", title)
            .isTrue();
        assertThat(panel.path("gridPos").path("w").asInt()).as("%s: width", title).isBetween(1, 24);
        if (panel.path("type").asText().equals("row")) {
          continue;
        }
        assertThat(panel.path("datasource").path("uid").asText())
            .as("%s: datasource", title)
            .isEqualTo(uid);
        assertThat(panel.path("targets")).as("%s: queries", title).isNotEmpty();
        for (JsonNode target : panel.path("targets")) {
          assertThat(target.path("datasource").path("uid").asText())
              .as("%s: query datasource", title)
              .isEqualTo(uid);
          assertThat(target.path("expr").asText()).as("%s: query", title).isNotBlank();
        }
      }
      for (JsonNode variable : dashboard.path("templating").path("list")) {
        if (variable.has("datasource")) {
          assertThat(variable.path("datasource").path("uid").asText())
              .as("%s: variable %s", name, variable.path("name").asText())
              .isEqualTo(uid);
        }
      }
    }
  }

  private static JsonNode provisionedDatasource() {
    JsonNode datasources =
        ObservabilityFiles.read(
                ObservabilityFiles.YAML, GRAFANA.resolve("provisioning/datasources/prometheus.yml"))
            .path("datasources");
    assertThat(datasources).hasSize(1);
    return datasources.get(0);
  }
}
