package boxoffice.app.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link AppConfig} from three layers: defaults in {@code app-defaults.conf} < {@code
 * config.yml} (path from {@code CONFIG_FILE}) < environment variables.
 */
public final class AppConfigLoader {
  static final String CONFIG_FILE_ENV = "CONFIG_FILE";
  static final String DEFAULT_CONFIG_FILE = "config.yml";
  private static final int MIN_SECRET_BYTES = 32;

  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
  private static final TypeReference<Map<String, Object>> MAPPING = new TypeReference<>() {};

  private final Config defaults;

  public AppConfigLoader() {
    this(
        ConfigFactory.parseResources(
            AppConfigLoader.class.getClassLoader(),
            "app-defaults.conf",
            ConfigParseOptions.defaults().setAllowMissing(false)));
  }

  AppConfigLoader(Config defaults) {
    this.defaults = defaults;
  }

  /** Loads the configuration for the given process environment. */
  public AppConfig load(Map<String, String> env) {
    String file = env.getOrDefault(CONFIG_FILE_ENV, "");
    boolean required = !file.isBlank();
    Path path = Path.of(required ? file : DEFAULT_CONFIG_FILE);
    return load(env, settings(path, readYaml(path, required)));
  }

  AppConfig load(Map<String, String> env, Config file) {
    Config layered =
        fromEnvironment(env)
            .withFallback(file)
            .withFallback(defaults)
            .resolve(ConfigResolveOptions.noSystem());
    AppConfig config = read(new ConfigReader(layered));
    checkProfileRules(config);
    return config;
  }

  /** The top-level mapping of the YAML file; empty when the file is absent, empty or comments. */
  private static Map<String, Object> readYaml(Path path, boolean required) {
    if (!Files.isRegularFile(path)) {
      if (required) {
        throw new InvalidConfigException(
            "Invalid configuration: " + CONFIG_FILE_ENV + " points to " + path + ", not a file");
      }
      return Map.of();
    }
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidConfigException("Invalid configuration: cannot read " + path);
    }
    try (JsonParser parser = YAML.createParser(text)) {
      JsonNode tree = YAML.readTree(parser);
      if (parser.nextToken() != null) {
        throw new InvalidConfigException(
            "Invalid configuration: "
                + path
                + " holds more than one YAML document (a second one at line "
                + parser.currentTokenLocation().getLineNr()
                + ")");
      }
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        return Map.of();
      }
      if (!tree.isObject()) {
        throw new InvalidConfigException(
            "Invalid configuration: " + path + " must hold a YAML mapping at the top");
      }
      return YAML.convertValue(tree, MAPPING);
    } catch (JsonProcessingException e) {
      throw new InvalidConfigException(yamlProblem(path, e));
    } catch (IOException e) {
      throw new InvalidConfigException("Invalid configuration: cannot read " + path);
    }
  }

  private static String yamlProblem(Path path, JsonProcessingException e) {
    String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    // STRICT_DUPLICATE_DETECTION reports a repeated key with this message and no type of its own.
    if (String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")
        && e.getProcessor() instanceof JsonParser parser) {
      return "Invalid configuration: "
          + path
          + " repeats the key "
          + dotted(parser.getParsingContext().pathAsPointer())
          + line;
    }
    return "Invalid configuration: " + path + " is not valid YAML" + line;
  }

  private static String dotted(JsonPointer pointer) {
    List<String> keys = new ArrayList<>();
    for (JsonPointer rest = pointer; rest != null && !rest.matches(); rest = rest.tail()) {
      keys.add(rest.getMatchingProperty());
    }
    return String.join(".", keys);
  }

  /**
   * The file's settings by full key path. Every key must be known, including keys left without a
   * value; a section left without a value (its keys all commented out) keeps its defaults.
   */
  private Config settings(Path file, Map<String, Object> yaml) {
    Map<String, Object> settings = new LinkedHashMap<>();
    collect(file, "", yaml, settings);
    return ConfigFactory.parseMap(settings, file.toString());
  }

  private void collect(Path file, String prefix, Map<?, ?> mapping, Map<String, Object> settings) {
    for (var entry : mapping.entrySet()) {
      String key = prefix + entry.getKey();
      Object value = entry.getValue();
      if (!isKnown(key)) {
        throw new InvalidConfigException(
            "Invalid configuration: unknown key " + key + " in " + file);
      }
      if (isSection(key)) {
        if (value instanceof Map<?, ?> nested) {
          collect(file, key + ".", nested, settings);
        } else if (value != null) {
          throw new InvalidConfigException(
              "Invalid configuration: "
                  + key
                  + " in "
                  + file
                  + " must be a mapping of keys, not a value");
        }
      } else if (value instanceof Map<?, ?> nested && !nested.isEmpty()) {
        // Keys below a single value are unknown: the nested walk names the first one.
        collect(file, key + ".", nested, settings);
      } else {
        if (settings.containsKey(key)) {
          throw new InvalidConfigException(
              "Invalid configuration: " + file + " repeats the key " + key);
        }
        try {
          ConfigValueFactory.fromAnyRef(value);
        } catch (ConfigException e) {
          throw InvalidConfigException.forKey(key, "unsupported kind of value in " + file);
        }
        settings.put(key, value);
      }
    }
  }

  private boolean isKnown(String key) {
    try {
      return defaults.hasPathOrNull(key);
    } catch (ConfigException.BadPath e) {
      return false;
    }
  }

  private boolean isSection(String key) {
    return defaults.hasPath(key) && defaults.getValue(key).valueType() == ConfigValueType.OBJECT;
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
            in.secret("db.password"),
            in.intBetween("db.pool-size", 1, 500),
            in.durationBetween(
                "db.connection-timeout", Duration.ofMillis(250), Duration.ofMinutes(1))),
        new AppConfig.Jwt(
            in.nonBlankSecret("jwt.secret"),
            in.nonBlank("jwt.issuer"),
            in.nonBlank("jwt.audience"),
            in.durationBetween("access-token-ttl", Duration.ofMinutes(1), day),
            in.durationBetween("refresh-token-ttl", Duration.ofMinutes(5), Duration.ofDays(365))),
        new AppConfig.Auth(
            in.intBetween("bcrypt.cost", 4, 31),
            in.intBetween("login-throttle.max-failures-per-email", 1, 10_000),
            in.intBetween("login-throttle.max-failures-per-address", 1, 100_000),
            in.durationBetween("login-throttle.window", second, day)),
        new AppConfig.Admin(in.string("admin.email"), in.secret("admin.password")),
        new AppConfig.Cache(
            in.enumValue("cache.type", AppConfig.CacheType.class),
            in.intBetween("cache.max-entries", 1, 10_000_000),
            in.durationBetween("cache.ttl", Duration.ZERO, day)),
        new AppConfig.Redis(
            in.nonBlank("redis.host"),
            in.intBetween("redis.port", 1, 65535),
            in.secret("redis.password"),
            in.durationBetween("redis.timeout", Duration.ofMillis(10), Duration.ofSeconds(10)),
            in.intBetween("redis.pool-size", 1, 1000)),
        new AppConfig.Audit(
            in.string("audit.target"),
            in.secret("audit.token"),
            in.durationBetween("audit.deadline", Duration.ofMillis(100), Duration.ofMinutes(1))),
        new AppConfig.Kafka(
            in.string("kafka.bootstrap-servers"),
            in.nonBlank("kafka.topic"),
            in.durationBetween("kafka.deadline", Duration.ofSeconds(1), Duration.ofMinutes(5))),
        new AppConfig.Outbox(
            in.intBetween("outbox.batch-size", 1, 1000),
            in.durationBetween(
                "outbox.poll-interval", Duration.ofMillis(10), Duration.ofMinutes(1)),
            in.durationBetween("outbox.max-backoff", Duration.ofMillis(100), Duration.ofHours(1))));
  }

  private void checkProfileRules(AppConfig config) {
    int secretBytes = config.jwt().secret().getBytes(StandardCharsets.UTF_8).length;
    if (secretBytes < MIN_SECRET_BYTES) {
      throw InvalidConfigException.forKey(
          "jwt.secret", "must be at least " + MIN_SECRET_BYTES + " bytes, got " + secretBytes);
    }
    if (config.cache().type() == AppConfig.CacheType.REDIS && config.cache().ttl().isZero()) {
      throw InvalidConfigException.forKey(
          "cache.ttl", "must be above 0s with the redis cache, so Redis can evict old entries");
    }
    if (config.profile() != Profile.PROD) {
      return;
    }
    if (config.jwt().secret().equals(defaults.getString("jwt.secret"))) {
      throw InvalidConfigException.forKey(
          "jwt.secret", "the development default is refused in the prod profile; set a secret");
    }
    if (config.admin().password().isBlank()
        || config.admin().password().equals(defaults.getString("admin.password"))) {
      throw InvalidConfigException.forKey(
          "admin.password", "the prod profile needs an administrator password of your own");
    }
  }
}
