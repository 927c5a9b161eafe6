package boxoffice.notification;

import boxoffice.notification.config.NotificationConfig;
import boxoffice.notification.config.NotificationConfigLoader;
import boxoffice.platform.StartUp;
import boxoffice.platform.Telemetry;
import io.opentelemetry.api.OpenTelemetry;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the notification service with configuration from defaults, the file named by CONFIG_FILE
 * and the environment. With the argument {@code migrate} it only applies its database migrations.
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    NotificationConfig config =
        StartUp.configure("boxoffice-notification", new NotificationConfigLoader()::load);
    if (args.length > 0 && args[0].equals("migrate")) {
      NotificationApplication.migrate(config);
      LOG.info("notification database migrated");
      return;
    }
    OpenTelemetry telemetry = Telemetry.fromEnvironment(System.getenv(), "boxoffice-notification");
    NotificationApplication application;
    try {
      application = NotificationApplication.start(config, Clock.systemUTC(), telemetry);
    } catch (RuntimeException e) {
      LOG.error("start-up failed: {}", e.getMessage(), e);
      System.err.println("Boxoffice notification failed to start: " + e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            Thread.ofPlatform()
                .unstarted(
                    () -> {
                      application.close();
                      flush(telemetry);
                    }));
    application.awaitTermination();
    if (application.failure().isPresent()) {
      LOG.error("stopping: the Kafka consumer failed");
      application.close();
      System.exit(1);
    }
  }

  /** Sends the spans still batched before the process ends. */
  private static void flush(OpenTelemetry telemetry) {
    if (telemetry instanceof Closeable closeable) {
      try {
        closeable.close();
      } catch (IOException | RuntimeException e) {
        LOG.warn("closing OpenTelemetry failed: {}", e.getMessage());
      }
    }
  }
}
