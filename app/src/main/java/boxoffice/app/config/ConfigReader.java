package boxoffice.app.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;
import java.util.Locale;

/** Typed, range-checked reads from a layered {@link Config}; every failure names its key. */
final class ConfigReader {
  private final Config config;

  ConfigReader(Config config) {
    this.config = config;
  }

  String string(String key) {
    try {
      return config.getString(key).trim();
    } catch (ConfigException e) {
      throw InvalidConfigException.forKey(key, "expected a text value");
    }
  }

  String nonBlank(String key) {
    String value = string(key);
    if (value.isEmpty()) {
      throw InvalidConfigException.forKey(key, "must not be empty");
    }
    return value;
  }

  int intBetween(String key, int min, int max) {
    int value;
    try {
      value = config.getInt(key);
    } catch (ConfigException e) {
      throw InvalidConfigException.forKey(key, "expected an integer, got " + raw(key));
    }
    if (value < min || value > max) {
      throw InvalidConfigException.forKey(
          key, "must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }

  boolean bool(String key) {
    try {
      return config.getBoolean(key);
    } catch (ConfigException e) {
      throw InvalidConfigException.forKey(key, "expected true or false, got " + raw(key));
    }
  }

  Duration durationBetween(String key, Duration min, Duration max) {
    Duration value;
    try {
      value = config.getDuration(key);
    } catch (ConfigException e) {
      throw InvalidConfigException.forKey(
          key, "expected a duration such as 5s, 15m or 30d, got " + raw(key));
    }
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw InvalidConfigException.forKey(
          key, "must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }

  long bytesBetween(String key, long min, long max) {
    long value;
    try {
      value = config.getBytes(key);
    } catch (ConfigException e) {
      throw InvalidConfigException.forKey(
          key, "expected a size such as 512KiB or 1MiB, got " + raw(key));
    }
    if (value < min || value > max) {
      throw InvalidConfigException.forKey(
          key, "must be between " + min + " and " + max + " bytes, got " + value);
    }
    return value;
  }

  <E extends Enum<E>> E enumValue(String key, Class<E> type) {
    String value = string(key);
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw InvalidConfigException.forKey(
          key,
          "expected one of "
              + java.util.Arrays.stream(type.getEnumConstants())
                  .map(c -> c.name().toLowerCase(Locale.ROOT))
                  .toList()
              + ", got '"
              + value
              + "'");
    }
  }

  private String raw(String key) {
    try {
      return "'" + config.getValue(key).unwrapped() + "'";
    } catch (ConfigException e) {
      return "nothing";
    }
  }
}
