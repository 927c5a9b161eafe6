package boxoffice.app.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** The objects {@code kubectl kustomize} renders from a kustomization directory. */
final class RenderedManifests {
  private static final Map<String, RenderedManifests> RENDERED = new ConcurrentHashMap<>();

  final String directory;
  final List<JsonNode> objects;

  private RenderedManifests(String directory, List<JsonNode> objects) {
    this.directory = directory;
    this.objects = objects;
  }

  /** Renders once per directory and test run. */
  static RenderedManifests of(String directory) {
    return RENDERED.computeIfAbsent(directory, RenderedManifests::render);
  }

  private static RenderedManifests render(String directory) {
    RepositoryFiles.Outcome outcome =
        RepositoryFiles.run(
            "install kubectl (Debian package kubectl; .ci/run installs it when missing)",
            "kubectl",
            "kustomize",
            directory);
    if (outcome.exitCode() != 0) {
      throw new AssertionError(
          "kubectl kustomize " + directory + " failed:\n" + outcome.describe());
    }
    return new RenderedManifests(directory, RepositoryFiles.yamlDocuments(outcome.stdout()));
  }

  List<JsonNode> ofKind(String kind) {
    return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
  }

  Optional<JsonNode> find(String kind, String name) {
    return ofKind(kind).stream().filter(o -> name.equals(nameOf(o))).findFirst();
  }

  static String nameOf(JsonNode object) {
    return object.path("metadata").path("name").asText();
  }

  /** Deployments and StatefulSets: everything that runs containers. */
  List<JsonNode> workloads() {
    List<JsonNode> workloads = new ArrayList<>(ofKind("Deployment"));
    workloads.addAll(ofKind("StatefulSet"));
    return workloads;
  }

  static List<JsonNode> containers(JsonNode workload) {
    List<JsonNode> containers = new ArrayList<>();
    workload.path("spec").path("template").path("spec").path("containers").forEach(containers::add);
    return containers;
  }

  /**
   * Every environment variable a container gets: its {@code env} names and, through {@code
   * envFrom}, the keys of the ConfigMaps and Secrets it names (with their prefix).
   */
  Set<String> environmentOf(JsonNode container) {
    Set<String> names = new TreeSet<>();
    container.path("env").forEach(variable -> names.add(variable.path("name").asText()));
    for (JsonNode source : container.path("envFrom")) {
      String prefix = source.path("prefix").asText("");
      if (source.has("configMapRef")) {
        names.addAll(prefixed(prefix, keysOf("ConfigMap", source.path("configMapRef"))));
      }
      if (source.has("secretRef")) {
        names.addAll(prefixed(prefix, keysOf("Secret", source.path("secretRef"))));
      }
    }
    return names;
  }

  private Set<String> keysOf(String kind, JsonNode reference) {
    String name = reference.path("name").asText();
    JsonNode object =
        find(kind, name)
            .orElseThrow(
                () ->
                    new AssertionError(
                        directory + ": envFrom names " + kind + " " + name + ", not rendered"));
    Set<String> keys = new TreeSet<>();
    object.path("data").fieldNames().forEachRemaining(keys::add);
    object.path("stringData").fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  /** Whether the rendered ConfigMap or Secret {@code name} holds {@code key}. */
  boolean holdsKey(String kind, String name, String key) {
    return find(kind, name)
        .map(o -> o.path("data").has(key) || o.path("stringData").has(key))
        .orElse(false);
  }

  private static Set<String> prefixed(String prefix, Set<String> keys) {
    Set<String> names = new TreeSet<>();
    keys.forEach(key -> names.add(prefix + key));
    return names;
  }
}
