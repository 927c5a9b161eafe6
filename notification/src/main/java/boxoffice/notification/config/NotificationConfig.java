package boxoffice.notification.config;

import boxoffice.platform.config.Redacted;
import java.time.Duration;
import java.time.ZoneId;

/** The whole validated configuration of the notification service. */
public record NotificationConfig(
    Kafka kafka,
    Database db,
    Database appDb,
    Smtp smtp,
    ZoneId timeZone,
    Delivery delivery,
    Duration sentLogRetention,
    int httpPort) {

  /** Where messages come from and where the ones that cannot be handled go. */
  public record Kafka(
      String bootstrapServers, String groupId, String topic, String deadLetterTopic) {}

  /** A PostgreSQL connection pool. */
  public record Database(
      String url, String user, String password, int poolSize, Duration connectionTimeout) {
    @Override
    public String toString() {
      return Redacted.toString(this, "password");
    }
  }

  /** The SMTP server mail is handed to; an empty user means no authentication. */
  public record Smtp(
      String host,
      int port,
      String user,
      String password,
      String from,
      boolean tls,
      Duration timeout) {
    public boolean authenticated() {
      return !user.isEmpty();
    }

    @Override
    public String toString() {
      return Redacted.toString(this, "password");
    }
  }

  /** Retries of a failing SMTP server: {@code maxAttempts} in all, with exponential backoff. */
  public record Delivery(int maxAttempts, Duration baseDelay, Duration maxDelay) {}
}
