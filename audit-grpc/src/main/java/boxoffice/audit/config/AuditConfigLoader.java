package boxoffice.audit.config;

import boxoffice.platform.config.ConfigReader;
import boxoffice.platform.config.InvalidConfigException;
import boxoffice.platform.config.LayeredConfig;
import com.typesafe.config.Config;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Builds {@link AuditConfig} from three layers: defaults in {@code reference.conf} < a YAML file
 * (path from {@code CONFIG_FILE}, default {@code ./audit.yml} when present) < environment
 * variables. Unknown keys and malformed values stop start-up with one line naming the key.
 */
public final class AuditConfigLoader {
  static final String DEFAULT_CONFIG_FILE = "audit.yml";
  static final int MIN_TOKEN_BYTES = 16;

  private final LayeredConfig layers =
      LayeredConfig.withDefaults(AuditConfigLoader.class, "reference.conf");

  /** Loads the configuration for the given process environment. */
  public AuditConfig load(Map<String, String> env) {
    return load(env, layers.fileSettings(env, Path.of(DEFAULT_CONFIG_FILE)));
  }

  AuditConfig load(Map<String, String> env, Config file) {
    AuditConfig config = read(layers.read(env, file));
    checkTokenRules(config);
    checkPortsDiffer(config);
    return config;
  }

  private static AuditConfig read(ConfigReader in) {
    return new AuditConfig(
        in.enumValue("app.profile", Profile.class),
        new AuditConfig.Grpc(
            in.intBetween("grpc.port", 0, 65535),
            in.durationBetween("grpc.shutdown-grace-period", Duration.ZERO, Duration.ofMinutes(5))),
        new AuditConfig.Database(
            in.nonBlank("db.url"),
            in.nonBlank("db.user"),
            in.secret("db.password"),
            in.intBetween("db.pool-size", 1, 500),
            in.durationBetween(
                "db.connection-timeout", Duration.ofMillis(250), Duration.ofMinutes(1)),
            in.durationBetween(
                "db.statement-timeout", Duration.ofMillis(100), Duration.ofHours(1))),
        new AuditConfig.Auth(in.nonBlankSecret("auth.token")),
        new AuditConfig.Metrics(in.intBetween("metrics.port", 0, 65535)));
  }

  private static void checkPortsDiffer(AuditConfig config) {
    int port = config.metrics().port();
    if (port != 0 && port == config.grpc().port()) {
      throw InvalidConfigException.forKey(
          "metrics.port", "must differ from grpc.port, both are " + port);
    }
  }

  private void checkTokenRules(AuditConfig config) {
    int tokenBytes = config.auth().token().getBytes(StandardCharsets.UTF_8).length;
    if (tokenBytes < MIN_TOKEN_BYTES) {
      throw InvalidConfigException.forKey(
          "auth.token", "must be at least " + MIN_TOKEN_BYTES + " bytes, got " + tokenBytes);
    }
    if (!config.auth().token().chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw InvalidConfigException.forKey(
          "auth.token", "must be printable ASCII without spaces, as it travels in a header");
    }
    if (config.profile() == Profile.PROD && layers.isDefault("auth.token", config.auth().token())) {
      throw InvalidConfigException.forKey(
          "auth.token", "the development default is refused in the prod profile; set a token");
    }
  }
}
