package boxoffice.app.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The committed observability files: Grafana dashboards, alert rules, Kibana saved objects. */
final class ObservabilityFiles {
  static final ObjectMapper JSON = new ObjectMapper();
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final Path DASHBOARDS = Promtool.REPOSITORY.resolve("grafana/dashboards");
  static final Path ALERTS = Promtool.REPOSITORY.resolve("prometheus/alerts.yml");
  static final Path KIBANA = Promtool.REPOSITORY.resolve("elk/kibana");

  private ObservabilityFiles() {}

  /** A PromQL expression and where it comes from, for failure messages. */
  record Query(String origin, String expr) {}

  static List<Path> dashboardFiles() {
    try (Stream<Path> files = Files.list(DASHBOARDS)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode read(ObjectMapper mapper, Path file) {
    try {
      return mapper.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + file, e);
    }
  }

  /** Every panel of a dashboard, those nested in collapsed rows included. */
  static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      panels.add(panel);
      panel.path("panels").forEach(panels::add);
    }
    return panels;
  }

  static List<Query> dashboardQueries() {
    List<Query> queries = new ArrayList<>();
    for (Path file : dashboardFiles()) {
      for (JsonNode panel : panels(read(JSON, file))) {
        for (JsonNode target : panel.path("targets")) {
          String origin =
              file.getFileName()
                  + " / \""
                  + panel.path("title").asText()
                  + "\" / "
                  + target.path("refId").asText();
          queries.add(new Query(origin, target.path("expr").asText()));
        }
      }
    }
    return queries;
  }

  static List<Query> alertQueries() {
    List<Query> queries = new ArrayList<>();
    for (JsonNode group : read(YAML, ALERTS).path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        String name =
            rule.has("alert") ? rule.path("alert").asText() : rule.path("record").asText();
        queries.add(new Query("alerts.yml / " + name, rule.path("expr").asText()));
      }
    }
    return queries;
  }

  /** Every saved object in elk/kibana/*.ndjson, one per non-blank line. */
  static List<JsonNode> kibanaSavedObjects() {
    List<JsonNode> objects = new ArrayList<>();
    try (Stream<Path> files = Files.list(KIBANA)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".ndjson")).sorted().toList()) {
        for (String line : Files.readAllLines(file)) {
          if (!line.isBlank()) {
            objects.add(JSON.readTree(line));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return objects;
  }
}
