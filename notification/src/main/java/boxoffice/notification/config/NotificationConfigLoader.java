package boxoffice.notification.config;

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
import java.util.regex.Pattern;

/**
 * Builds {@link NotificationConfig} from three layers: defaults in {@code
 * notification-defaults.conf} < the YAML file named by {@code CONFIG_FILE} (none when unset) <
 * environment variables.
 */
public final class NotificationConfigLoader {
  static final String CONFIG_FILE_ENV = "CONFIG_FILE";
  static final String DEFAULTS = "notification-defaults.conf";
  private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
  private static final TypeReference<Map<String, Object>> MAPPING = new TypeReference<>() {};

  private final Config defaults;

  public NotificationConfigLoader() {
    this.defaults =
        ConfigFactory.parseResources(
            NotificationConfigLoader.class.getClassLoader(),
            DEFAULTS,
            ConfigParseOptions.defaults().setAllowMissing(false));
  }

  /** Loads the configuration for the given process environment. */
  public NotificationConfig load(Map<String, String> env) {
    String file = env.getOrDefault(CONFIG_FILE_ENV, "");
    Config fromFile =
        file.isBlank() ? ConfigFactory.empty() : settings(Path.of(file), readYaml(Path.of(file)));
    Config layered =
        fromEnvironment(env)
            .withFallback(fromFile)
            .withFallback(defaults)
            .resolve(ConfigResolveOptions.noSystem());
    return read(new ConfigReader(layered));
  }

  /** The top-level mapping of the YAML file; empty when the file is empty or only comments. */
  private static Map<String, Object> readYaml(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new InvalidConfigException(
          "Invalid configuration: " + CONFIG_FILE_ENV + " points to " + path + ", not a file");
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
              "Invalid configuration: " + key + " in " + file + " must be a mapping of keys");
        }
      } else if (value instanceof Map<?, ?> nested && !nested.isEmpty()) {
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

  /** Environment variables named after known keys; everything else is ignored. */
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

  private static NotificationConfig read(ConfigReader in) {
    NotificationConfig.Kafka kafka =
        new NotificationConfig.Kafka(
            in.nonBlank("kafka.bootstrap-servers"),
            in.nonBlank("kafka.group-id"),
            topic(in, "kafka.topic"),
            topic(in, "kafka.dead-letter-topic"));
    if (kafka.topic().equals(kafka.deadLetterTopic())) {
      throw InvalidConfigException.forKey(
          "kafka.dead-letter-topic", "must differ from kafka.topic");
    }
    Duration baseDelay =
        in.durationBetween("delivery.base-delay", Duration.ofMillis(1), Duration.ofMinutes(10));
    Duration maxDelay =
        in.durationBetween("delivery.max-delay", Duration.ofMillis(1), Duration.ofMinutes(10));
    if (maxDelay.compareTo(baseDelay) < 0) {
      throw InvalidConfigException.forKey(
          "delivery.max-delay", "must not be shorter than delivery.base-delay");
    }
    return new NotificationConfig(
        kafka,
        database(in, "db"),
        database(in, "app-db"),
        new NotificationConfig.Smtp(
            in.nonBlank("smtp.host"),
            in.intBetween("smtp.port", 1, 65535),
            in.string("smtp.user"),
            in.secret("smtp.password"),
            in.mailAddress("smtp.from"),
            in.bool("smtp.tls"),
            in.durationBetween("smtp.timeout", Duration.ofMillis(100), Duration.ofMinutes(5))),
        in.zone("mail.time-zone"),
        new NotificationConfig.Delivery(
            in.intBetween("delivery.max-attempts", 1, 100), baseDelay, maxDelay),
        in.durationBetween("sent-log.retention", Duration.ofDays(1), Duration.ofDays(3650)),
        in.intBetween("http.port", 0, 65535));
  }

  private static NotificationConfig.Database database(ConfigReader in, String section) {
    return new NotificationConfig.Database(
        in.nonBlank(section + ".url"),
        in.nonBlank(section + ".user"),
        in.secret(section + ".password"),
        in.intBetween(section + ".pool-size", 1, 50),
        in.durationBetween(
            section + ".connection-timeout", Duration.ofMillis(250), Duration.ofMinutes(1)));
  }

  private static String topic(ConfigReader in, String key) {
    String value = in.nonBlank(key);
    if (!TOPIC.matcher(value).matches()) {
      throw InvalidConfigException.forKey(
          key, "a topic name is 1 to 249 of a-z, A-Z, 0-9, '.', '_' and '-', got '" + value + "'");
    }
    return value;
  }
}
