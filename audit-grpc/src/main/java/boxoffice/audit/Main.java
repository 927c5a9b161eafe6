package boxoffice.audit;

import boxoffice.audit.config.AuditConfig;
import boxoffice.audit.config.AuditConfigLoader;
import boxoffice.audit.data.AuditDataSource;
import boxoffice.audit.data.JdbiAuditStore;
import boxoffice.platform.StartUp;
import boxoffice.platform.Telemetry;
import boxoffice.platform.database.LiquibaseMigrations;
import ch.qos.logback.classic.LoggerContext;
import com.zaxxer.hikari.HikariDataSource;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the audit server with configuration from defaults, the config file and the environment,
 * and stops it gracefully when the JVM is asked to exit. With the argument {@code migrate} it only
 * applies the database migrations and exits.
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    AuditConfig config = StartUp.configure("boxoffice-audit", new AuditConfigLoader()::load);
    if (args.length > 0 && args[0].equals("migrate")) {
      try (HikariDataSource dataSource = AuditDataSource.create(config.db())) {
        new LiquibaseMigrations(dataSource, JdbiAuditStore.CHANGELOG).apply();
        LOG.info("audit database migrated");
        stopLogging();
      } catch (RuntimeException e) {
        fail(e);
      }
      return;
    }
    long started = System.nanoTime();
    OpenTelemetry telemetry = Telemetry.fromEnvironment(System.getenv(), "boxoffice-audit");
    AuditServer server;
    try {
      server = AuditServer.start(config, Clock.systemUTC(), telemetry);
    } catch (RuntimeException e) {
      stopTracing(telemetry);
      fail(e);
      return;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            Thread.ofPlatform()
                .name("audit-shutdown")
                .unstarted(
                    () -> {
                      server.stop();
                      stopTracing(telemetry);
                      stopLogging();
                    }));
    LOG.info(
        "audit server listening on port {}, metrics on port {} (profile {}, started in {} ms)",
        server.port(),
        server.metricsPort(),
        config.profile().name().toLowerCase(Locale.ROOT),
        (System.nanoTime() - started) / 1_000_000);
    server.blockUntilShutdown();
  }

  private static void fail(RuntimeException e) {
    LOG.error("start-up failed: {}", e.getMessage(), e);
    System.err.println("Audit server failed to start: " + e.getMessage());
    stopLogging();
    System.exit(1);
  }

  /** Sends the spans still buffered; waits a few seconds at most. */
  private static void stopTracing(OpenTelemetry telemetry) {
    if (telemetry instanceof OpenTelemetrySdk sdk) {
      sdk.shutdown().join(5, TimeUnit.SECONDS);
    }
  }

  /** Flushes the asynchronous log appender; the last lines of a shutdown are not lost. */
  private static void stopLogging() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
      logback.stop();
    }
  }
}
