package boxoffice.notification.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.regex.Pattern;

/** Typed, range-checked reads from a layered {@link Config}; every failure names its key. */
final class ConfigReader {
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

  private final Config config;

  ConfigReader(Config config) {
    this.config = config;
  }

  /** A text value without surrounding whitespace: for names, addresses and choices. */
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

  /**
   * A text value exactly as given, for passwords: nothing is trimmed, and a value YAML read as a
   * number or a boolean is refused, as turning it back into text may change it.
   */
  String secret(String key) {
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

  int intBetween(String key, int min, int max) {
    long value = integer(key);
    if (value < min || value > max) {
      throw InvalidConfigException.forKey(
          key, "must be between " + min + " and " + max + ", got " + value);
    }
    return (int) value;
  }

  /** A whole number: a YAML integer, or text of digits (as environment variables arrive). */
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
          key, "expected a duration such as 500ms, 5s or 30d, got " + raw(key));
    }
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw InvalidConfigException.forKey(
          key, "must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }

  ZoneId zone(String key) {
    String value = nonBlank(key);
    try {
      return ZoneId.of(value);
    } catch (DateTimeException e) {
      throw InvalidConfigException.forKey(
          key, "expected a time zone such as UTC or Europe/Paris, got '" + value + "'");
    }
  }

  /** An email address, optionally with a display name: {@code Boxoffice <tickets@example.org>}. */
  String mailAddress(String key) {
    String value = nonBlank(key);
    try {
      new InternetAddress(value, true).validate();
      return value;
    } catch (AddressException e) {
      throw InvalidConfigException.forKey(key, "expected an email address, got '" + value + "'");
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
