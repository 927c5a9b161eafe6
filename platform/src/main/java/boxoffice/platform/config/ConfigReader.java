package boxoffice.platform.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Typed, range-checked reads from a layered {@link Config}; every failure names its key. */
public final class ConfigReader {
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

  private final Config config;

  public ConfigReader(Config config) {
    this.config = config;
  }

  /** A text value without surrounding whitespace: for names, addresses and choices. */
  public String string(String key) {
    try {
      return config.getString(key).trim();
    } catch (ConfigException e) {
      throw InvalidConfigException.forKey(key, "expected a text value");
    }
  }

  /**
   * A text value exactly as given, for passwords and keys: nothing is trimmed, and a value YAML
   * read as a number or a boolean is refused, as turning it back into text may change it.
   */
  public String secret(String key) {
    ConfigValue value;
    try {
      value = config.getValue(key);
    } catch (ConfigException e) {
      throw InvalidConfigException.forKey(key, "expected a text value");
    }
    if (value.valueType() != ConfigValueType.STRING) {
      throw InvalidConfigException.forKey(
          key, "expected a text value; quote it in the config file");
    }
    return (String) value.unwrapped();
  }

  public String nonBlankSecret(String key) {
    String value = secret(key);
    if (value.isBlank()) {
      throw InvalidConfigException.forKey(key, "must not be blank");
    }
    return value;
  }

  public String nonBlank(String key) {
    String value = string(key);
    if (value.isEmpty()) {
      throw InvalidConfigException.forKey(key, "must not be empty");
    }
    return value;
  }

  public int intBetween(String key, int min, int max) {
    return (int) (long) inRange(key, integer(key), (long) min, (long) max, "");
  }

  /**
   * A whole number: a YAML integer, or text of digits (as environment variables arrive). Unlike
   * {@link Config#getInt}, which truncates, fractions such as 12.7 or 8080.0 are refused.
   */
  private long integer(String key) {
    Object value;
    try {
      value = config.getValue(key).unwrapped();
    } catch (ConfigException e) {
      throw InvalidConfigException.forKey(key, "expected an integer, got " + raw(key));
    }
    if (value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue();
    }
    if (value instanceof String text && INTEGER.matcher(text.strip()).matches()) {
      try {
        return Long.parseLong(text.strip());
      } catch (NumberFormatException e) {
        // Too many digits for a long: refused below like any other non-integer.
      }
    }
    throw InvalidConfigException.forKey(key, "expected an integer, got " + raw(key));
  }

  public boolean bool(String key) {
    return read(key, config::getBoolean, "true or false");
  }

  public Duration durationBetween(String key, Duration min, Duration max) {
    Duration value = read(key, config::getDuration, "a duration such as 5s, 15m or 30d");
    return inRange(key, value, min, max, "");
  }

  public long bytesBetween(String key, long min, long max) {
    return inRange(
        key, read(key, config::getBytes, "a size such as 512KiB or 1MiB"), min, max, " bytes");
  }

  /** The value as {@code getter} reads it; a value it cannot read is refused, naming the key. */
  private <T> T read(String key, Function<String, T> getter, String expected) {
    try {
      return getter.apply(key);
    } catch (ConfigException e) {
      throw InvalidConfigException.forKey(key, "expected " + expected + ", got " + raw(key));
    }
  }

  private static <T extends Comparable<? super T>> T inRange(
      String key, T value, T min, T max, String unit) {
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw InvalidConfigException.forKey(
          key, "must be between " + min + " and " + max + unit + ", got " + value);
    }
    return value;
  }

  public ZoneId zone(String key) {
    String value = nonBlank(key);
    try {
      return ZoneId.of(value);
    } catch (DateTimeException e) {
      throw InvalidConfigException.forKey(
          key, "expected a time zone such as UTC or Europe/Paris, got '" + value + "'");
    }
  }

  public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
    String value = string(key);
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw InvalidConfigException.forKey(
          key,
          "expected one of "
              + Arrays.stream(type.getEnumConstants())
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
