package boxoffice.notification.config;

import boxoffice.platform.config.ConfigReader;
import boxoffice.platform.config.InvalidConfigException;
import boxoffice.platform.config.LayeredConfig;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds {@link NotificationConfig} from three layers: defaults in {@code
 * notification-defaults.conf} < the YAML file named by {@code CONFIG_FILE} (none when unset) <
 * environment variables.
 */
public final class NotificationConfigLoader {
  static final String DEFAULTS = "notification-defaults.conf";
  private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  private final LayeredConfig layers =
      LayeredConfig.withDefaults(NotificationConfigLoader.class, DEFAULTS);

  /** Loads the configuration for the given process environment. */
  public NotificationConfig load(Map<String, String> env) {
    return read(layers.read(env, layers.fileSettings(env)));
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
            mailAddress(in, "smtp.from"),
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

  /** An email address, optionally with a display name: {@code Boxoffice <tickets@example.org>}. */
  private static String mailAddress(ConfigReader in, String key) {
    String value = in.nonBlank(key);
    try {
      new InternetAddress(value, true).validate();
      return value;
    } catch (AddressException e) {
      throw InvalidConfigException.forKey(key, "expected an email address, got '" + value + "'");
    }
  }
}
