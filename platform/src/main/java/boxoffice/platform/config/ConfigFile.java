package boxoffice.platform.config;

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
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML configuration file read into settings by full key path, checked against the keys the
 * defaults know. YAML is parsed by Jackson rather than HOCON so that a repeated key or a second
 * document is refused instead of silently merged.
 */
final class ConfigFile {
  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
  private static final TypeReference<Map<String, Object>> MAPPING = new TypeReference<>() {};

  private final Path path;
  private final Config defaults;

  ConfigFile(Path path, Config defaults) {
    this.path = path;
    this.defaults = defaults;
  }

  /**
   * The file's settings by full key path; empty when the file is absent and not {@code required}.
   * Every key must be known, including keys left without a value; a section left without a value
   * (its keys all commented out) keeps its defaults.
   */
  Config settings(boolean required) {
    Map<String, Object> settings = new LinkedHashMap<>();
    collect("", readYaml(required), settings);
    return ConfigFactory.parseMap(settings, path.toString());
  }

  /** The top-level mapping of the YAML file; empty when the file is absent, empty or comments. */
  private Map<String, Object> readYaml(boolean required) {
    if (!Files.isRegularFile(path)) {
      if (required) {
        throw new InvalidConfigException(
            "Invalid configuration: "
                + LayeredConfig.CONFIG_FILE_ENV
                + " points to "
                + path
                + ", not a file");
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
      throw new InvalidConfigException(yamlProblem(e));
    } catch (IOException e) {
      throw new InvalidConfigException("Invalid configuration: cannot read " + path);
    }
  }

  private String yamlProblem(JsonProcessingException e) {
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

  private void collect(String prefix, Map<?, ?> mapping, Map<String, Object> settings) {
    for (var entry : mapping.entrySet()) {
      String key = prefix + entry.getKey();
      Object value = entry.getValue();
      if (!isKnown(key)) {
        throw new InvalidConfigException(
            "Invalid configuration: unknown key " + key + " in " + path);
      }
      if (isSection(key)) {
        if (value instanceof Map<?, ?> nested) {
          collect(key + ".", nested, settings);
        } else if (value != null) {
          throw new InvalidConfigException(
              "Invalid configuration: "
                  + key
                  + " in "
                  + path
                  + " must be a mapping of keys, not a value");
        }
      } else if (value instanceof Map<?, ?> nested && !nested.isEmpty()) {
        // Keys below a single value are unknown: the nested walk names the first one.
        collect(key + ".", nested, settings);
      } else {
        if (settings.containsKey(key)) {
          throw new InvalidConfigException(
              "Invalid configuration: " + path + " repeats the key " + key);
        }
        try {
          ConfigValueFactory.fromAnyRef(value);
        } catch (ConfigException e) {
          throw InvalidConfigException.forKey(key, "unsupported kind of value in " + path);
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
}
