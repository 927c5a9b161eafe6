package boxoffice.audit.config;

import com.fasterxml.jackson.core.JsonParser;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds {@link AuditConfig} from three layers: defaults in {@code reference.conf} < a YAML file
 * (path from {@code CONFIG_FILE}, default {@code ./audit.yml} when present) < environment
 * variables. Unknown keys and malformed values stop start-up with one line naming the key.
 */
public final class AuditConfigLoader {
  static final String CONFIG_FILE_ENV = "CONFIG_FILE";
  static final String DEFAULT_CONFIG_FILE = "audit.yml";
  static final int MIN_TOKEN_BYTES = 16;

  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
  private static final TypeReference<Map<String, Object>> MAPPING = new TypeReference<>() {};

  private final Config defaults;

  public AuditConfigLoader() {
    this(
        ConfigFactory.parseResources(
            AuditConfigLoader.class.getClassLoader(),
            "reference.conf",
            ConfigParseOptions.defaults().setAllowMissing(false)));
  }

  AuditConfigLoader(Config defaults) {
    this.defaults = defaults;
  }

  /** Loads the configuration for the given process environment. */
  public AuditConfig load(Map<String, String> env) {
    String file = env.getOrDefault(CONFIG_FILE_ENV, "");
    boolean required = !file.isBlank();
    Path path = Path.of(required ? file : DEFAULT_CONFIG_FILE);
    return load(env, settings(path, readYaml(path, required)));
  }

  AuditConfig load(Map<String, String> env, Config file) {
    Config layered =
        fromEnvironment(env)
            .withFallback(file)
            .withFallback(defaults)
            .resolve(ConfigResolveOptions.noSystem());
    AuditConfig config = read(new ConfigReader(layered));
    checkTokenRules(config);
    checkPortsDiffer(config);
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
            "Invalid configuration: " + path + " holds more than one YAML document");
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
      String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
      String problem =
          String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")
              ? " repeats a key"
              : " is not valid YAML";
      throw new InvalidConfigException("Invalid configuration: " + path + problem + line);
    } catch (IOException e) {
      throw new InvalidConfigException("Invalid configuration: cannot read " + path);
    }
  }

  /** The file's settings by full key path; every key must be known. */
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
    if (config.profile() == Profile.PROD
        && config.auth().token().equals(defaults.getString("auth.token"))) {
      throw InvalidConfigException.forKey(
          "auth.token", "the development default is refused in the prod profile; set a token");
    }
  }
}
