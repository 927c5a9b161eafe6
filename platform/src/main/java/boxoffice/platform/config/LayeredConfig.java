package boxoffice.platform.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A service's settings in three layers: defaults from a classpath resource < a YAML file (named by
 * {@code CONFIG_FILE}) < environment variables named after the keys ({@link ConfigKeys#envName}).
 * The defaults list every key there is: the file may only set known keys, and environment variables
 * named after no key are ignored. Each service maps the result to its own config record.
 */
public final class LayeredConfig {
  public static final String CONFIG_FILE_ENV = "CONFIG_FILE";

  private final Config defaults;

  private LayeredConfig(Config defaults) {
    this.defaults = defaults;
  }

  /** The defaults in the classpath resource {@code resource} of {@code owner}; it must exist. */
  public static LayeredConfig withDefaults(Class<?> owner, String resource) {
    return new LayeredConfig(
        ConfigFactory.parseResources(
            owner.getClassLoader(),
            resource,
            ConfigParseOptions.defaults().setAllowMissing(false)));
  }

  /** The settings of the file {@code CONFIG_FILE} names, which must exist; none when unset. */
  public Config fileSettings(Map<String, String> env) {
    String file = env.getOrDefault(CONFIG_FILE_ENV, "");
    return file.isBlank()
        ? ConfigFactory.empty()
        : new ConfigFile(Path.of(file), defaults).settings(true);
  }

  /**
   * The settings of the file {@code CONFIG_FILE} names, which must exist; when unset, those of
   * {@code fallback} if that file exists.
   */
  public Config fileSettings(Map<String, String> env, Path fallback) {
    String file = env.getOrDefault(CONFIG_FILE_ENV, "");
    boolean required = !file.isBlank();
    return new ConfigFile(required ? Path.of(file) : fallback, defaults).settings(required);
  }

  /** The environment over {@code file} over the defaults, ready to be read key by key. */
  public ConfigReader read(Map<String, String> env, Config file) {
    return new ConfigReader(
        fromEnvironment(env)
            .withFallback(file)
            .withFallback(defaults)
            .resolve(ConfigResolveOptions.noSystem()));
  }

  /**
   * Whether {@code value} is the default of {@code key}: development defaults of secrets are
   * refused in production.
   */
  public boolean isDefault(String key, String value) {
    return value.equals(defaults.getString(key));
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
}
