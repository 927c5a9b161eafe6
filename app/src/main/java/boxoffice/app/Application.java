package boxoffice.app;

import boxoffice.app.cache.CacheModule;
import boxoffice.app.cache.EventCache;
import boxoffice.app.config.AppConfig;
import boxoffice.app.data.DataModule;
import boxoffice.app.data.PolledSessionRevocations;
import boxoffice.app.observability.ObservabilityModule;
import boxoffice.app.outbox.OutboxModule;
import boxoffice.app.outbox.OutboxRelays;
import boxoffice.app.security.SecurityModule;
import boxoffice.app.service.AdminAccountProvisioner;
import boxoffice.app.service.HoldSweeper;
import boxoffice.app.service.Housekeeping;
import boxoffice.app.service.ServiceModule;
import boxoffice.app.service.WaitlistOffers;
import boxoffice.app.transport.HttpServer;
import boxoffice.platform.database.LiquibaseMigrations;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import com.zaxxer.hikari.HikariDataSource;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running booking service: migrated database, admin account, HTTP server, housekeeping. */
public final class Application implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Application.class);

  private final Injector injector;
  private final HttpServer server;
  private final ScheduledExecutorService housekeeping;

  private Application(Injector injector, HttpServer server, ScheduledExecutorService housekeeping) {
    this.injector = injector;
    this.server = server;
    this.housekeeping = housekeeping;
  }

  /** Applies the database migrations and returns; for deployment jobs and benchmarks. */
  public static void migrate(AppConfig config) {
    DataModule.migrate(config);
  }

  /** Migrates, provisions the admin and starts serving; fails fast if any step fails. */
  public static Application start(AppConfig config, Clock clock, String host) {
    return start(config, clock, host, OpenTelemetry.noop());
  }

  /** As {@link #start(AppConfig, Clock, String)}, tracing with {@code openTelemetry}. */
  public static Application start(
      AppConfig config, Clock clock, String host, OpenTelemetry openTelemetry) {
    Injector injector =
        Guice.createInjector(
            Stage.PRODUCTION,
            new BoxofficeModule(config, clock, openTelemetry),
            new DataModule(),
            new CacheModule(),
            new OutboxModule(),
            new SecurityModule(),
            new ServiceModule(),
            new ObservabilityModule(),
            new boxoffice.app.transport.TransportModule());
    try {
      injector.getInstance(LiquibaseMigrations.class).apply();
      injector.getInstance(PolledSessionRevocations.class).start();
      var outcome =
          injector
              .getInstance(AdminAccountProvisioner.class)
              .ensure(config.admin().email(), config.admin().password());
      LOG.info("administrator account {}", outcome.name().toLowerCase(java.util.Locale.ROOT));
      HttpServer server = injector.getInstance(HttpServer.class).start(host, config.http().port());
      ScheduledExecutorService housekeeping =
          Executors.newSingleThreadScheduledExecutor(
              Thread.ofPlatform().daemon().name("housekeeping").factory());
      Housekeeping chores = injector.getInstance(Housekeeping.class);
      housekeeping.scheduleWithFixedDelay(() -> cleanUp(chores), 10, 10, TimeUnit.MINUTES);
      long sweepMillis = config.holds().sweepInterval().toMillis();
      if (sweepMillis > 0) {
        HoldSweeper sweeper = injector.getInstance(HoldSweeper.class);
        housekeeping.scheduleWithFixedDelay(
            () -> sweep(sweeper), sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
      }
      long offerMillis = config.waitlist().pollInterval().toMillis();
      if (offerMillis > 0) {
        WaitlistOffers offers = injector.getInstance(WaitlistOffers.class);
        housekeeping.scheduleWithFixedDelay(
            () -> offer(offers), offerMillis, offerMillis, TimeUnit.MILLISECONDS);
      }
      injector.getInstance(OutboxRelays.class).start();
      return new Application(injector, server, housekeeping);
    } catch (RuntimeException e) {
      injector.getInstance(PolledSessionRevocations.class).close();
      injector.getInstance(HikariDataSource.class).close();
      throw e;
    }
  }

  private static void offer(WaitlistOffers offers) {
    try {
      int made = offers.serve();
      if (made > 0) {
        LOG.debug("waiting lists: {} offers made", made);
      }
    } catch (RuntimeException e) {
      LOG.warn("waiting-list offers failed: {}", e.getMessage());
    }
  }

  private static void sweep(HoldSweeper sweeper) {
    try {
      int reclaimed = sweeper.sweep();
      if (reclaimed > 0) {
        LOG.debug("hold sweeper reclaimed {} lapsed holds", reclaimed);
      }
    } catch (RuntimeException e) {
      LOG.warn("hold sweeper failed: {}", e.getMessage());
    }
  }

  private static void cleanUp(Housekeeping chores) {
    try {
      LOG.debug("housekeeping removed {} rows", chores.run());
    } catch (RuntimeException e) {
      LOG.warn("housekeeping failed: {}", e.getMessage());
    }
  }

  public int port() {
    return server.port();
  }

  public java.util.List<boxoffice.app.transport.Endpoint> routes() {
    return server.endpoints();
  }

  public Injector injector() {
    return injector;
  }

  @Override
  public void close() {
    housekeeping.shutdownNow();
    server.close();
    injector.getInstance(OutboxRelays.class).close();
    injector.getInstance(EventCache.class).close();
    injector.getInstance(PolledSessionRevocations.class).close();
    injector.getInstance(HikariDataSource.class).close();
  }
}
