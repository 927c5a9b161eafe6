package boxoffice.app;

import boxoffice.app.config.AppConfig;
import boxoffice.app.config.AppConfigLoader;
import boxoffice.platform.StartUp;
import boxoffice.platform.Telemetry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the booking service with configuration from defaults, config.yml and the environment. With
 * the argument {@code migrate} it only applies the database migrations and exits.
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    AppConfig config = StartUp.configure("boxoffice-app", new AppConfigLoader()::load);
    if (args.length > 0 && args[0].equals("migrate")) {
      Application.migrate(config);
      LOG.info("database migrated");
      return;
    }
    long started = System.nanoTime();
    try {
      Application application =
          Application.start(
              config,
              Clock.systemUTC(),
              "0.0.0.0",
              Telemetry.fromEnvironment(System.getenv(), "boxoffice-app"));
      Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(application::close));
      LOG.info(
          "Boxoffice listening on port {} (profile {}, started in {} ms)",
          application.port(),
          config.profile().name().toLowerCase(java.util.Locale.ROOT),
          (System.nanoTime() - started) / 1_000_000);
    } catch (RuntimeException e) {
      LOG.error("start-up failed: {}", e.getMessage(), e);
      System.err.println("Boxoffice failed to start: " + e.getMessage());
      System.exit(1);
    }
  }
}
