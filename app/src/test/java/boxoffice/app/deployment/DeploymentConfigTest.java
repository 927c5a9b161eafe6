package boxoffice.app.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The deployment configuration, checked without a Docker engine or a cluster: docker-compose.yml
 * (validated by docker-compose itself), the Dockerfiles and the Kubernetes manifests rendered by
 * kubectl kustomize. Every environment variable handed to app, audit or notification must be a
 * configuration key that service really reads.
 */
class DeploymentConfigTest {
  private static final String COMPOSE_FILE = "docker-compose.yml";
  private static final String BASE = "k8s/base";
  private static final String MINIKUBE = "k8s/overlays/minikube";
  private static final List<String> STATEFUL_SETS =
      List.of("postgres", "audit-postgres", "redis", "kafka");
  private static final Pattern INTERPOLATION =
      Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)([^}]*)}");

  private static JsonNode compose() {
    return RepositoryFiles.yaml(RepositoryFiles.read(COMPOSE_FILE)).path("services");
  }

  private static Set<String> composeEnvironment(JsonNode service) {
    Set<String> names = new TreeSet<>();
    JsonNode environment = service.path("environment");
    if (environment.isObject()) {
      environment.fieldNames().forEachRemaining(names::add);
    } else {
      environment.forEach(entry -> names.add(entry.asText().split("=", 2)[0]));
    }
    return names;
  }

  // ------------------------------------------------------------------ docker-compose.yml

  @Test
  void composeFileIsValidForDockerCompose() {
    RepositoryFiles.Outcome outcome =
        RepositoryFiles.run(
            "install Debian's docker-compose (apt-get install -y docker-compose; .ci/run does)",
            "docker-compose",
            "--env-file",
            ".env.example",
            "-f",
            COMPOSE_FILE,
            "config",
            "-q");
    assertThat(outcome.exitCode()).as("docker-compose config -q\n" + outcome.describe()).isZero();
  }

  @Test
  void everyServiceOfOursIsBuiltFromItsDockerfileAsAPinnedImage() {
    for (ServiceUnderTest service : ServiceUnderTest.values()) {
      JsonNode definition = compose().path(service.composeName);
      assertThat(definition.isObject()).as("compose service " + service.composeName).isTrue();
      assertThat(definition.path("build").path("dockerfile").asText())
          .as(service.composeName + " build.dockerfile")
          .isEqualTo(service.dockerfile());
      assertThat(definition.path("build").path("context").asText()).isEqualTo(".");
      assertThat(Files.isRegularFile(RepositoryFiles.path(service.dockerfile())))
          .as(service.dockerfile())
          .isTrue();
      assertThat(definition.path("image").asText()).startsWith(service.image + ":");
      assertThat(definition.path("env_file").isMissingNode())
          .as(service.composeName + " takes its variables from environment only (checked here)")
          .isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(ServiceUnderTest.class)
  void composeGivesEachServiceOnlyVariablesItReads(ServiceUnderTest service) {
    Set<String> given = composeEnvironment(compose().path(service.composeName));
    assertThat(given).as(service.composeName + " environment in " + COMPOSE_FILE).isNotEmpty();
    assertThat(service.unknownAmong(given))
        .as(service.composeName + ": variables that are no configuration key of " + service.module)
        .isEmpty();
  }

  @Test
  void everyInterpolatedVariableIsDocumentedInEnvExample() {
    Set<String> documented = new TreeSet<>();
    for (String line : RepositoryFiles.read(".env.example").split("\n")) {
      if (line.matches("[A-Z_][A-Z0-9_]*=.*")) {
        documented.add(line.substring(0, line.indexOf('=')));
      }
    }
    Set<String> used = new TreeSet<>();
    Matcher matcher = INTERPOLATION.matcher(RepositoryFiles.read(COMPOSE_FILE));
    while (matcher.find()) {
      used.add(matcher.group(1));
    }
    assertThat(used).isNotEmpty();
    assertThat(documented).as(".env.example").containsAll(used);
    assertThat(RepositoryFiles.read(".gitignore").lines().toList()).contains(".env", "/data/");
  }

  @Test
  void everyLongRunningServiceHasAHealthCheckAndDependenciesWaitForHealth() {
    compose()
        .properties()
        .forEach(
            entry -> {
              String name = entry.getKey();
              JsonNode service = entry.getValue();
              boolean oneShot = "no".equals(service.path("restart").asText());
              boolean builtWithHealthCheck =
                  service.has("build")
                      && RepositoryFiles.read(service.path("build").path("dockerfile").asText())
                          .contains("HEALTHCHECK");
              if (!oneShot) {
                assertThat(service.has("healthcheck") || builtWithHealthCheck)
                    .as(name + " has a health check")
                    .isTrue();
              }
              JsonNode dependsOn = service.path("depends_on");
              assertThat(dependsOn.isMissingNode() || dependsOn.isObject())
                  .as(name + ": depends_on names a condition for each dependency")
                  .isTrue();
              dependsOn
                  .properties()
                  .forEach(
                      dependency ->
                          assertThat(dependency.getValue().path("condition").asText())
                              .as(name + " waits for " + dependency.getKey())
                              .isIn("service_healthy", "service_completed_successfully"));
            });
  }

  @Test
  void theCoreRunsWithoutTheObservabilityProfile() {
    JsonNode services = compose();
    Set<String> core = new TreeSet<>();
    Map<String, String> profiled = new TreeMap<>();
    services
        .properties()
        .forEach(
            e -> {
              if (e.getValue().has("profiles")) {
                profiled.put(e.getKey(), e.getValue().path("profiles").toString());
              } else {
                core.add(e.getKey());
              }
            });
    assertThat(core)
        .contains("app", "audit", "notification", "postgres", "audit-postgres", "redis", "kafka");
    assertThat(profiled.keySet())
        .contains(
            "prometheus",
            "grafana",
            "jaeger",
            "elasticsearch",
            "logstash",
            "kibana",
            "kibana-setup");
    assertThat(profiled.values()).allMatch(p -> p.contains("\"observability\""));
    for (String name : core) {
      services
          .path(name)
          .path("depends_on")
          .fieldNames()
          .forEachRemaining(
              dependency ->
                  assertThat(core)
                      .as(name + " depends only on core services")
                      .contains(dependency));
    }
  }

  @Test
  void databasesKeepTheirDataInHostDirectoriesAndRedisIsABoundedCache() {
    JsonNode services = compose();
    assertThat(services.path("postgres").path("volumes").toString())
        .contains("./data/postgres:/var/lib/postgresql/data");
    assertThat(services.path("audit-postgres").path("volumes").toString())
        .contains("./data/audit-postgres:/var/lib/postgresql/data");
    String redis = services.path("redis").path("command").toString();
    assertThat(redis).contains("--maxmemory", "\"volatile-lru\"");
  }

  @Test
  void everyComposeImageIsPinnedToAVersion() {
    compose()
        .properties()
        .forEach(
            e ->
                assertPinned(
                    e.getKey(),
                    e.getValue().path("image").asText().replaceAll("\\$\\{[^}]*}", "v")));
  }

  // ------------------------------------------------------------------ Dockerfiles

  @ParameterizedTest
  @EnumSource(ServiceUnderTest.class)
  void dockerfileBuildsInStagesAndRunsAsANonRootUserWithAHealthCheck(ServiceUnderTest service) {
    String dockerfile = RepositoryFiles.read(service.dockerfile());
    List<String> instructions = dockerfile.lines().map(String::strip).toList();
    assertThat(instructions.stream().filter(l -> l.startsWith("FROM ")).count())
        .as("stages")
        .isGreaterThanOrEqualTo(2);
    assertThat(dockerfile).contains("dependency:go-offline", "HEALTHCHECK", "MaxRAMPercentage");
    List<String> users = instructions.stream().filter(l -> l.startsWith("USER ")).toList();
    assertThat(users).isNotEmpty();
    assertThat(users.getLast()).doesNotContain("root").isNotEqualTo("USER 0");
    assertThat(instructions)
        .as("no secret is baked into the image")
        .noneMatch(l -> l.matches("(ENV|ARG) .*(PASSWORD|SECRET|TOKEN).*"));
    assertThat(dockerfile).contains("-pl " + service.module + " ");
  }

  // ------------------------------------------------------------------ Kubernetes

  @ParameterizedTest
  @ValueSource(strings = {BASE, MINIKUBE})
  void renderedManifestsHoldEveryKindTheStackNeeds(String kustomization) {
    RenderedManifests rendered = RenderedManifests.of(kustomization);
    for (ServiceUnderTest service : ServiceUnderTest.values()) {
      assertThat(rendered.find("Deployment", service.kubernetesName))
          .as("Deployment " + service.kubernetesName)
          .isPresent();
      assertThat(rendered.find("Service", service.kubernetesName)).isPresent();
    }
    for (String name : STATEFUL_SETS) {
      JsonNode statefulSet = rendered.find("StatefulSet", name).orElseThrow();
      assertThat(statefulSet.path("spec").path("volumeClaimTemplates").size())
          .as(name + " keeps its data in a PersistentVolumeClaim")
          .isPositive();
      assertThat(rendered.find("Service", statefulSet.path("spec").path("serviceName").asText()))
          .isPresent();
    }
    assertThat(rendered.ofKind("ConfigMap")).isNotEmpty();
    assertThat(rendered.ofKind("Secret")).isNotEmpty();
    assertThat(rendered.find("PodDisruptionBudget", "app")).isPresent();
    assertThat(rendered.find("HorizontalPodAutoscaler", "app")).isPresent();
    assertThat(rendered.find("Ingress", "app")).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {BASE, MINIKUBE})
  void everyContainerHasProbesResourcesAndAPinnedImage(String kustomization) {
    RenderedManifests rendered = RenderedManifests.of(kustomization);
    for (JsonNode workload : rendered.workloads()) {
      for (JsonNode container : RenderedManifests.containers(workload)) {
        String where = RenderedManifests.nameOf(workload) + "/" + container.path("name").asText();
        assertThat(container.has("readinessProbe")).as(where + " readinessProbe").isTrue();
        assertThat(container.has("livenessProbe")).as(where + " livenessProbe").isTrue();
        for (String bound : List.of("requests", "limits")) {
          JsonNode resources = container.path("resources").path(bound);
          assertThat(resources.has("cpu") && resources.has("memory"))
              .as(where + " resources." + bound + " cpu and memory")
              .isTrue();
        }
        assertPinned(where, container.path("image").asText());
      }
    }
    JsonNode audit =
        RenderedManifests.containers(rendered.find("Deployment", "audit").orElseThrow()).getFirst();
    assertThat(audit.path("readinessProbe").has("grpc")).as("audit probes gRPC health").isTrue();
    assertThat(audit.path("livenessProbe").has("grpc")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {BASE, MINIKUBE})
  void theAppRunsTwoReplicasBehindABudgetAnAutoscalerAndTheIngress(String kustomization) {
    RenderedManifests rendered = RenderedManifests.of(kustomization);
    JsonNode app = rendered.find("Deployment", "app").orElseThrow();
    assertThat(app.path("spec").path("replicas").asInt()).isEqualTo(2);
    JsonNode appLabels = app.path("spec").path("template").path("metadata").path("labels");
    JsonNode budget = rendered.find("PodDisruptionBudget", "app").orElseThrow().path("spec");
    budget
        .path("selector")
        .path("matchLabels")
        .properties()
        .forEach(l -> assertThat(appLabels.path(l.getKey())).isEqualTo(l.getValue()));
    JsonNode autoscaler =
        rendered.find("HorizontalPodAutoscaler", "app").orElseThrow().path("spec");
    assertThat(autoscaler.path("scaleTargetRef").path("name").asText()).isEqualTo("app");
    assertThat(autoscaler.path("minReplicas").asInt()).isEqualTo(2);
    assertThat(autoscaler.path("metrics").toString()).contains("\"cpu\"");
    assertThat(rendered.find("Ingress", "app").orElseThrow().toString())
        .contains("\"name\":\"app\"");
  }

  /**
   * Whether a request for {@code path} would be routed by the Ingress, following the Kubernetes
   * rules: Exact matches the whole path; Prefix matches whole path elements.
   */
  private static boolean routes(JsonNode ingress, String path) {
    for (JsonNode rule : ingress.path("spec").path("rules")) {
      for (JsonNode route : rule.path("http").path("paths")) {
        String routed = route.path("path").asText();
        String type = route.path("pathType").asText();
        boolean matches =
            switch (type) {
              case "Exact" -> path.equals(routed);
              case "Prefix" ->
                  routed.equals("/")
                      || path.equals(routed)
                      || path.startsWith(routed.endsWith("/") ? routed : routed + "/");
              default -> throw new AssertionError("pathType " + type + " is not portable");
            };
        if (matches) {
          return true;
        }
      }
    }
    return false;
  }

  @ParameterizedTest
  @ValueSource(strings = {BASE, MINIKUBE})
  void theIngressRoutesOnlyThePublicPathsAndNeverMetrics(String kustomization) {
    JsonNode ingress = RenderedManifests.of(kustomization).find("Ingress", "app").orElseThrow();
    assertThat(ingress.path("spec").has("defaultBackend")).as("no catch-all backend").isFalse();
    for (String path :
        List.of(
            "/api/v1/events",
            "/api/v1/auth/login",
            "/openapi.json",
            "/swagger",
            "/webjars/swagger-ui/5.17.14/swagger-ui.css")) {
      assertThat(routes(ingress, path)).as(kustomization + " routes " + path).isTrue();
    }
    for (String path :
        List.of("/metrics", "/metrics/", "/health/ready", "/", "/api/v10", "/swagger/../metrics")) {
      assertThat(routes(ingress, path)).as(kustomization + " does not route " + path).isFalse();
    }
  }

  static Stream<Arguments> kustomizationsAndServices() {
    List<Arguments> arguments = new ArrayList<>();
    for (String kustomization : List.of(BASE, MINIKUBE)) {
      for (ServiceUnderTest service : ServiceUnderTest.values()) {
        arguments.add(Arguments.of(kustomization, service));
      }
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("kustomizationsAndServices")
  void kubernetesGivesEachServiceOnlyVariablesItReads(
      String kustomization, ServiceUnderTest service) {
    RenderedManifests rendered = RenderedManifests.of(kustomization);
    JsonNode deployment = rendered.find("Deployment", service.kubernetesName).orElseThrow();
    for (JsonNode container : RenderedManifests.containers(deployment)) {
      Set<String> given = rendered.environmentOf(container);
      assertThat(given).isNotEmpty();
      assertThat(service.unknownAmong(given))
          .as(kustomization + " " + service.kubernetesName + ": variables that are no key it reads")
          .isEmpty();
      assertThat(container.path("image").asText()).startsWith(service.image + ":");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {BASE, MINIKUBE})
  void everySecretAndConfigMapKeyReferenceResolves(String kustomization) {
    RenderedManifests rendered = RenderedManifests.of(kustomization);
    for (JsonNode workload : rendered.workloads()) {
      for (JsonNode container : RenderedManifests.containers(workload)) {
        for (JsonNode variable : container.path("env")) {
          JsonNode from = variable.path("valueFrom");
          for (String[] ref :
              new String[][] {{"secretKeyRef", "Secret"}, {"configMapKeyRef", "ConfigMap"}}) {
            if (from.has(ref[0])) {
              String name = from.path(ref[0]).path("name").asText();
              String key = from.path(ref[0]).path("key").asText();
              assertThat(rendered.holdsKey(ref[1], name, key))
                  .as(RenderedManifests.nameOf(workload) + " " + variable.path("name").asText())
                  .isTrue();
            }
          }
        }
      }
    }
  }

  private static void assertPinned(String where, String image) {
    assertThat(image).as(where + " image").isNotBlank();
    String tag = image.contains("@") ? "digest" : image.substring(image.lastIndexOf('/') + 1);
    assertThat(tag).as(where + " image " + image + " has a version").matches("digest|[^:]+:.+");
    assertThat(image).as(where + " image").doesNotEndWith(":latest");
  }
}
