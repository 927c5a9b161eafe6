package boxoffice.app.data;

import boxoffice.app.config.AppConfig;
import boxoffice.app.service.BookingRepository;
import boxoffice.app.service.DependencyProbe;
import boxoffice.app.service.EventRepository;
import boxoffice.app.service.LoginFailureLog;
import boxoffice.app.service.Outbox;
import boxoffice.app.service.RefreshTokenRepository;
import boxoffice.app.service.ReviewRepository;
import boxoffice.app.service.SessionRevocations;
import boxoffice.app.service.Transactions;
import boxoffice.app.service.UserRepository;
import boxoffice.platform.database.LiquibaseMigrations;
import boxoffice.platform.database.SqlTracing;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.zaxxer.hikari.HikariDataSource;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** PostgreSQL adapters: the pool, JDBI, repositories and the database readiness probe. */
public final class DataModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(Transactions.class).to(JdbiTransactions.class).in(Singleton.class);
    bind(UserRepository.class).to(JdbiUserRepository.class).in(Singleton.class);
    bind(RefreshTokenRepository.class).to(JdbiRefreshTokenRepository.class).in(Singleton.class);
    bind(LoginFailureLog.class).to(JdbiLoginFailureLog.class).in(Singleton.class);
    bind(AfterCommit.class).in(Singleton.class);
    bind(EventStatusCounts.class).in(Singleton.class);
    bind(JdbiEventRepository.class).in(Singleton.class);
    bind(JdbiBookingRepository.class).in(Singleton.class);
    bind(JdbiReviewRepository.class).in(Singleton.class);
    bind(EventRepository.class).to(CachingEventRepository.class).in(Singleton.class);
    bind(BookingRepository.class).to(CachingBookingRepository.class).in(Singleton.class);
    bind(ReviewRepository.class).to(CachingReviewRepository.class).in(Singleton.class);
    bind(Outbox.class).to(JdbiOutbox.class).in(Singleton.class);
    bind(SessionRevocations.class).to(PolledSessionRevocations.class);
    Multibinder.newSetBinder(binder(), DependencyProbe.class).addBinding().to(DatabaseProbe.class);
  }

  /** The event cache chosen by {@code cache.type}; Redis is only contacted when chosen. */
  @Provides
  @Singleton
  EventCache eventCache(
      AppConfig config, Clock clock, BackgroundDatabase background, OpenTelemetry openTelemetry) {
    AppConfig.Cache cache = config.cache();
    return switch (cache.type()) {
      case NONE -> new NoEventCache();
      case MEMORY -> new MemoryEventCache(new LruCache<>(cache.maxEntries(), cache.ttl(), clock));
      case REDIS ->
          new RedisEventCache(
              RedisPools.create(config.redis()),
              config.redis().timeout(),
              cache.ttl(),
              config.http().requestTimeout().plusSeconds(1),
              Executors.newSingleThreadScheduledExecutor(
                  Thread.ofPlatform().daemon().name("redis-reconnect").factory()),
              background.onDemand(InvalidationFeed.class),
              openTelemetry);
    };
  }

  /** Revoked sessions, read in the background by a poller of its own. */
  @Provides
  @Singleton
  PolledSessionRevocations sessionRevocations(AppConfig config, BackgroundDatabase background) {
    return new PolledSessionRevocations(
        background.onDemand(SessionRevocationDao.class),
        config.jwt().accessTokenTtl().plusMinutes(1),
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("session-revocations").factory()));
  }

  /** One relay per configured destination of the outbox (none when nothing is configured). */
  @Provides
  @Singleton
  OutboxRelays outboxRelays(AppConfig config, Jdbi jdbi, Clock clock, OpenTelemetry openTelemetry) {
    List<OutboxRelay> relays = new ArrayList<>();
    var outbox = config.outbox();
    var settings =
        new OutboxRelay.Settings(outbox.batchSize(), outbox.pollInterval(), outbox.maxBackoff());
    AppConfig.Audit audit = config.audit();
    if (audit.enabled()) {
      relays.add(
          new OutboxRelay(
              jdbi,
              new GrpcAuditPublisher(
                  audit.target(), audit.token(), audit.deadline(), openTelemetry),
              settings,
              clock));
    }
    AppConfig.Kafka kafka = config.kafka();
    if (kafka.enabled()) {
      relays.add(
          new OutboxRelay(
              jdbi,
              new KafkaOutboxPublisher(
                  kafka.bootstrapServers(), kafka.topic(), kafka.deadline(), openTelemetry),
              settings,
              clock));
    }
    return new OutboxRelays(relays);
  }

  @Provides
  @Singleton
  HikariDataSource hikariDataSource(AppConfig config) {
    return DataSourceFactory.create(config.db(), config.http().requestTimeout());
  }

  @Provides
  @Singleton
  BackgroundDatabase backgroundDatabase(DataSource dataSource) {
    return new BackgroundDatabase(dataSource);
  }

  @Provides
  @Singleton
  DataSource dataSource(HikariDataSource hikari) {
    return hikari;
  }

  /** The changelogs of {@code db/migrations}, applied at start-up. */
  @Provides
  @Singleton
  LiquibaseMigrations migrations(DataSource dataSource) {
    return new LiquibaseMigrations(dataSource, "db/migrations/changelog.yaml");
  }

  @Provides
  @Singleton
  Jdbi jdbi(DataSource dataSource, OpenTelemetry openTelemetry) {
    Jdbi jdbi =
        Jdbi.create(dataSource)
            .installPlugin(new SqlObjectPlugin())
            .installPlugin(new PostgresPlugin());
    // An exception's message must never carry bound values (emails, hashes, tokens) into a log.
    jdbi.getConfig(StatementExceptions.class)
        .setMessageRendering(StatementExceptions.MessageRendering.NONE);
    return SqlTracing.everyStatement(jdbi, openTelemetry, "boxoffice.data");
  }

  @Provides
  @Singleton
  UserDao userDao(Jdbi jdbi) {
    return jdbi.onDemand(UserDao.class);
  }

  @Provides
  @Singleton
  RefreshTokenDao refreshTokenDao(Jdbi jdbi) {
    return jdbi.onDemand(RefreshTokenDao.class);
  }

  @Provides
  @Singleton
  EventDao eventDao(Jdbi jdbi) {
    return jdbi.onDemand(EventDao.class);
  }

  @Provides
  @Singleton
  BookingDao bookingDao(Jdbi jdbi) {
    return jdbi.onDemand(BookingDao.class);
  }

  @Provides
  @Singleton
  ReviewDao reviewDao(Jdbi jdbi) {
    return jdbi.onDemand(ReviewDao.class);
  }

  @Provides
  @Singleton
  JdbiOutbox.OutboxDao outboxDao(Jdbi jdbi) {
    return jdbi.onDemand(JdbiOutbox.OutboxDao.class);
  }

  @Provides
  @Singleton
  LoginFailureDao loginFailureDao(Jdbi jdbi) {
    return jdbi.onDemand(LoginFailureDao.class);
  }
}
