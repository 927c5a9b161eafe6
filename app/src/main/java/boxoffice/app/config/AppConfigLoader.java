package boxoffice.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds {@link AppConfig} from three layers: defaults in {@code reference.conf} < {@code
 * config.yml} (path from {@code CONFIG_FILE}) < environment variables.
 */
public final class AppConfigLoader {
  static final String CONFIG_FILE_ENV = "CONFIG_FILE";
  static final String DEFAULT_CONFIG_FILE = "config.yml";
  private static final int MIN_SECRET_BYTES = 32;

  private final Config defaults;

  public AppConfigLoader() {
    this(
        ConfigFactory.parseResources(
            AppConfigLoader.class.getClassLoader(),
            "reference.conf",
            ConfigParseOptions.defaults().setAllowMissing(false)));
  }

  AppConfigLoader(Config defaults) {
    this.defaults = defaults;
  }

  /** Loads the configuration for the given process environment. */
  public AppConfig load(Map<String, String> env) {
    String file = env.getOrDefault(CONFIG_FILE_ENV, "");
    Config yaml =
        file.isBlank()
            ? readYaml(Path.of(DEFAULT_CONFIG_FILE), false)
            : readYaml(Path.of(file), true);
    return load(env, yaml);
  }

  AppConfig load(Map<String, String> env, Config yaml) {
    rejectUnknownKeys(yaml);
    Config layered =
        fromEnvironment(env)
            .withFallback(yaml)
            .withFallback(defaults)
            .resolve(ConfigResolveOptions.noSystem());
    AppConfig config = read(new ConfigReader(layered));
    checkProfileRules(config);
    return config;
  }

  private Config readYaml(Path path, boolean required) {
    if (!Files.isRegularFile(path)) {
      if (required) {
        throw new InvalidConfigException(
            "Invalid configuration: " + CONFIG_FILE_ENV + " points to " + path + ", not a file");
      }
      return ConfigFactory.empty();
    }
    try {
      Object tree =
          new ObjectMapper(new YAMLFactory())
              .readValue(Files.readString(path, StandardCharsets.UTF_8), Object.class);
      if (tree == null) {
        return ConfigFactory.empty();
      }
      if (!(tree instanceof Map<?, ?> map)) {
        throw new InvalidConfigException(
            "Invalid configuration: " + path + " must hold a YAML mapping at the top");
      }
      return ConfigFactory.parseMap(stringKeys(map), path.toString());
    } catch (JsonProcessingException e) {
      throw new InvalidConfigException(
          "Invalid configuration: "
              + path
              + " is not valid YAML (line "
              + e.getLocation().getLineNr()
              + ")");
    } catch (IOException e) {
      throw new InvalidConfigException("Invalid configuration: cannot read " + path);
    }
  }

  private static Map<String, Object> stringKeys(Map<?, ?> map) {
    Map<String, Object> result = new HashMap<>();
    map.forEach(
        (key, value) ->
            result.put(
                String.valueOf(key),
                value instanceof Map<?, ?> nested ? stringKeys(nested) : value));
    return result;
  }

  private void rejectUnknownKeys(Config yaml) {
    for (var entry : yaml.entrySet()) {
      if (!defaults.hasPath(entry.getKey())) {
        throw new InvalidConfigException(
            "Invalid configuration: unknown key " + entry.getKey() + " in config.yml");
      }
    }
  }

  /**
   * Environment variables named after known keys; everything else in the environment is ignored.
   */
  private Config fromEnvironment(Map<String, String> env) {
    Map<String, Object> values = new HashMap<>();
    for (var entry : defaults.entrySet()) {
      String value = env.get(ConfigKeys.envName(entry.getKey()));
      if (value != null) {
        values.put(entry.getKey(), value);
      }
    }
    return ConfigFactory.parseMap(values, "environment variables");
  }

  private static AppConfig read(ConfigReader in) {
    Duration second = Duration.ofSeconds(1);
    Duration day = Duration.ofDays(1);
    return new AppConfig(
        in.enumValue("app.profile", Profile.class),
        new AppConfig.Http(
            in.intBetween("http.port", 0, 65535),
            in.durationBetween("request-timeout", Duration.ofMillis(100), Duration.ofMinutes(5)),
            in.bytesBetween("max-body-size", 1024, 64L * 1024 * 1024),
            in.bool("http.trust-forwarded-for")),
        new AppConfig.Database(
            in.nonBlank("db.url"),
            in.nonBlank("db.user"),
            in.string("db.password"),
            in.intBetween("db.pool-size", 1, 500),
            in.durationBetween(
                "db.connection-timeout", Duration.ofMillis(250), Duration.ofMinutes(1))),
        new AppConfig.Jwt(
            in.nonBlank("jwt.secret"),
            in.nonBlank("jwt.issuer"),
            in.nonBlank("jwt.audience"),
            in.durationBetween("access-token-ttl", Duration.ofMinutes(1), day),
            in.durationBetween("refresh-token-ttl", Duration.ofMinutes(5), Duration.ofDays(365))),
        new AppConfig.Auth(
            in.intBetween("bcrypt.cost", 4, 31),
            in.intBetween("login-throttle.max-failures-per-email", 1, 10_000),
            in.intBetween("login-throttle.max-failures-per-address", 1, 100_000),
            in.durationBetween("login-throttle.window", second, day)),
        new AppConfig.Admin(in.string("admin.email"), in.string("admin.password")));
  }

  private void checkProfileRules(AppConfig config) {
    int secretBytes = config.jwt().secret().getBytes(StandardCharsets.UTF_8).length;
    if (secretBytes < MIN_SECRET_BYTES) {
      throw InvalidConfigException.forKey(
          "jwt.secret", "must be at least " + MIN_SECRET_BYTES + " bytes, got " + secretBytes);
    }
    if (config.profile() != Profile.PROD) {
      return;
    }
    if (config.jwt().secret().equals(defaults.getString("jwt.secret"))) {
      throw InvalidConfigException.forKey(
          "jwt.secret", "the development default is refused in the prod profile; set a secret");
    }
    if (config.admin().password().isEmpty()
        || config.admin().password().equals(defaults.getString("admin.password"))) {
      throw InvalidConfigException.forKey(
          "admin.password", "the prod profile needs an administrator password of your own");
    }
  }
}
