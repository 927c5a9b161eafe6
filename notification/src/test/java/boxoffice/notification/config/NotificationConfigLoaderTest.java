package boxoffice.notification.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import boxoffice.platform.config.InvalidConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotificationConfigLoaderTest {
  private final NotificationConfigLoader loader = new NotificationConfigLoader();

  @TempDir Path dir;

  @Test
  void defaultsWorkOnADeveloperMachine() {
    NotificationConfig config = loader.load(Map.of());

    assertThat(config.kafka())
        .isEqualTo(
            new NotificationConfig.Kafka(
                "127.0.0.1:9092",
                "boxoffice-notification",
                "boxoffice.events",
                "boxoffice.events.dlq"));
    assertThat(config.db().url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/notification");
    assertThat(config.appDb().url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/boxoffice");
    assertThat(config.smtp().port()).isEqualTo(1025);
    assertThat(config.smtp().authenticated()).isFalse();
    assertThat(config.timeZone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(config.delivery())
        .isEqualTo(
            new NotificationConfig.Delivery(5, Duration.ofSeconds(1), Duration.ofMinutes(1)));
  }

  @Test
  void environmentVariablesOverrideTheFileWhichOverridesTheDefaults() throws IOException {
    Path file = dir.resolve("notification.yml");
    Files.writeString(
        file,
        """
        kafka:
          topic: from-file
          group-id: file-group
        smtp:
          port: 2525
        """);

    NotificationConfig config =
        loader.load(
            Map.of(
                "CONFIG_FILE", file.toString(),
                "KAFKA_TOPIC", "from-env",
                "SMTP_TLS", "true",
                "SMTP_USER", "mailer",
                "SMTP_PASSWORD", " secret with spaces ",
                "APP_DB_URL", "jdbc:postgresql://db:5432/boxoffice",
                "MAIL_TIME_ZONE", "Europe/Paris",
                "DELIVERY_MAX_ATTEMPTS", "3"));

    assertThat(config.kafka().topic()).isEqualTo("from-env");
    assertThat(config.kafka().groupId()).isEqualTo("file-group");
    assertThat(config.smtp().port()).isEqualTo(2525);
    assertThat(config.smtp().tls()).isTrue();
    assertThat(config.smtp().password()).isEqualTo(" secret with spaces ");
    assertThat(config.appDb().url()).isEqualTo("jdbc:postgresql://db:5432/boxoffice");
    assertThat(config.timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(config.delivery().maxAttempts()).isEqualTo(3);
  }

  @Test
  void aMalformedValueNamesItsKeyAndVariableOnOneLine() {
    assertThatThrownBy(() -> loader.load(Map.of("SMTP_PORT", "25x")))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(
            "Invalid configuration smtp.port (env SMTP_PORT): expected an integer, got '25x'");
    assertThatThrownBy(() -> loader.load(Map.of("MAIL_TIME_ZONE", "Mars/Olympus")))
        .hasMessageStartingWith("Invalid configuration mail.time-zone (env MAIL_TIME_ZONE)");
    assertThatThrownBy(() -> loader.load(Map.of("SMTP_FROM", "not an address\n")))
        .hasMessageStartingWith("Invalid configuration smtp.from (env SMTP_FROM)")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> loader.load(Map.of("DELIVERY_MAX_ATTEMPTS", "0")))
        .hasMessageStartingWith("Invalid configuration delivery.max-attempts");
    assertThatThrownBy(() -> loader.load(Map.of("DELIVERY_BASE_DELAY", "soon")))
        .hasMessageStartingWith("Invalid configuration delivery.base-delay");
    assertThatThrownBy(() -> loader.load(Map.of("KAFKA_TOPIC", "has space")))
        .hasMessageStartingWith("Invalid configuration kafka.topic");
    assertThatThrownBy(() -> loader.load(Map.of("KAFKA_DEAD_LETTER_TOPIC", "boxoffice.events")))
        .hasMessageStartingWith("Invalid configuration kafka.dead-letter-topic");
    assertThatThrownBy(() -> loader.load(Map.of("APP_DB_POOL_SIZE", "-1")))
        .hasMessageStartingWith("Invalid configuration app-db.pool-size (env APP_DB_POOL_SIZE)");
  }

  @Test
  void anUnknownKeyInTheFileStopsStartUp() throws IOException {
    Path file = dir.resolve("notification.yml");
    Files.writeString(file, "smtp:\n  hots: mail.example.org\n");

    assertThatThrownBy(() -> loader.load(Map.of("CONFIG_FILE", file.toString())))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("unknown key smtp.hots");
  }

  @Test
  void aMissingFileStopsStartUp() {
    assertThatThrownBy(() -> loader.load(Map.of("CONFIG_FILE", dir.resolve("nope.yml").toString())))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("not a file");
  }

  @Test
  void passwordsNeverShowInTheConfigurationsText() {
    NotificationConfig config =
        loader.load(
            Map.of(
                "SMTP_PASSWORD", "smtp-secret",
                "DB_PASSWORD", "db-secret",
                "APP_DB_PASSWORD", "app-secret"));

    assertThat(config.toString())
        .doesNotContain("smtp-secret")
        .doesNotContain("db-secret")
        .doesNotContain("app-secret");
  }

  @Test
  void theCommittedConfigFileLoadsAndHoldsTheDefaults() {
    NotificationConfig fromFile = loader.load(Map.of("CONFIG_FILE", "config.yml"));

    assertThat(fromFile).isEqualTo(loader.load(Map.of()));
  }
}
