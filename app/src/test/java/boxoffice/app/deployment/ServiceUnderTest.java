package boxoffice.app.deployment;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One of our own services: its name in docker-compose.yml and in Kubernetes, its Maven module and
 * the file of configuration defaults that names every key it reads.
 */
enum ServiceUnderTest {
  APP("app", "app", "app", "boxoffice/app", "app-defaults.conf"),
  AUDIT("audit", "audit-grpc", "audit", "boxoffice/audit-grpc", "reference.conf"),
  NOTIFICATION(
      "notification",
      "notification",
      "notification",
      "boxoffice/notification",
      "reference.conf",
      "notification-defaults.conf");

  /** Variables every service may be given beyond its configuration keys. */
  private static final Set<String> EXTRA_VARIABLES =
      Set.of("CONFIG_FILE", "LOG_LEVEL", "JAVA_TOOL_OPTIONS", "LOGSTASH_HOST", "LOGSTASH_PORT");

  private static final String EXTRA_PREFIX = "OTEL_";

  final String composeName;
  final String module;
  final String kubernetesName;
  final String image;
  private final List<String> defaultsFiles;

  ServiceUnderTest(
      String composeName,
      String module,
      String kubernetesName,
      String image,
      String... defaultsFiles) {
    this.composeName = composeName;
    this.module = module;
    this.kubernetesName = kubernetesName;
    this.image = image;
    this.defaultsFiles = List.of(defaultsFiles);
  }

  String dockerfile() {
    return module + "/Dockerfile";
  }

  /**
   * The environment variable of every configuration key the service reads: the key path
   * upper-cased, '.' and '-' as '_'. Fails, naming the file, while the module's defaults are not
   * there.
   */
  Set<String> configurationVariables() {
    Path defaults =
        defaultsFiles.stream()
            .map(name -> RepositoryFiles.path(module + "/src/main/resources/" + name))
            .filter(Files::isRegularFile)
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        composeName
                            + ": cannot tell which variables it reads, there is no "
                            + String.join(
                                " nor ",
                                defaultsFiles.stream()
                                    .map(n -> module + "/src/main/resources/" + n)
                                    .toList())
                            + " (has the "
                            + module
                            + " module landed?)"));
    Set<String> variables = new TreeSet<>();
    ConfigFactory.parseFile(defaults.toFile(), ConfigParseOptions.defaults().setAllowMissing(false))
        .entrySet()
        .forEach(entry -> variables.add(variableOf(entry.getKey())));
    return variables;
  }

  static String variableOf(String keyPath) {
    return keyPath.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
  }

  /** Whether a variable is read by every service whatever its keys (logging, JVM, telemetry). */
  static boolean isExtraVariable(String name) {
    return EXTRA_VARIABLES.contains(name) || name.startsWith(EXTRA_PREFIX);
  }

  /** The variables among {@code given} that the service reads neither as key nor as an extra. */
  Set<String> unknownAmong(Set<String> given) {
    Set<String> known = configurationVariables();
    Set<String> unknown = new TreeSet<>();
    for (String name : given) {
      if (!known.contains(name) && !isExtraVariable(name)) {
        unknown.add(name);
      }
    }
    return unknown;
  }
}
