package boxoffice.app.data;

import boxoffice.app.config.AppConfig;
import boxoffice.app.service.BookingRepository;
import boxoffice.app.service.DependencyProbe;
import boxoffice.app.service.EventRepository;
import boxoffice.app.service.HoldRepository;
import boxoffice.app.service.LoginFailureLog;
import boxoffice.app.service.RefreshTokenRepository;
import boxoffice.app.service.ReviewRepository;
import boxoffice.app.service.SessionRevocations;
import boxoffice.app.service.TicketRepository;
import boxoffice.app.service.Transactions;
import boxoffice.app.service.UserRepository;
import boxoffice.app.service.WaitlistRepository;
import boxoffice.platform.database.LiquibaseMigrations;
import boxoffice.platform.database.SqlTracing;
import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.name.Names;
import com.zaxxer.hikari.HikariDataSource;
import io.opentelemetry.api.OpenTelemetry;
import java.util.List;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * PostgreSQL adapters: the pool, JDBI, migrations, repositories, transactions and the database
 * readiness probe. Nothing here talks to Redis, Kafka or gRPC.
 */
public final class DataModule extends AbstractModule {
  private static final String CHANGELOG = "db/migrations/changelog.yaml";

  /** The qualifier of the repositories that read and write PostgreSQL directly. */
  public static final String DATABASE = "database";

  @Override
  protected void configure() {
    bind(Transactions.class).to(JdbiTransactions.class).in(Singleton.class);
    bind(UserRepository.class).to(JdbiUserRepository.class).in(Singleton.class);
    bind(RefreshTokenRepository.class).to(JdbiRefreshTokenRepository.class).in(Singleton.class);
    bind(LoginFailureLog.class).to(JdbiLoginFailureLog.class).in(Singleton.class);
    bind(AfterCommit.class).in(Singleton.class);
    bind(EventStatusCounts.class).in(Singleton.class);
    // The repositories as stored; CacheModule binds the unqualified ports to caching decorators.
    bind(Key.get(EventRepository.class, Names.named(DATABASE)))
        .to(JdbiEventRepository.class)
        .in(Singleton.class);
    bind(Key.get(BookingRepository.class, Names.named(DATABASE)))
        .to(JdbiBookingRepository.class)
        .in(Singleton.class);
    bind(Key.get(ReviewRepository.class, Names.named(DATABASE)))
        .to(JdbiReviewRepository.class)
        .in(Singleton.class);
    bind(Key.get(TicketRepository.class, Names.named(DATABASE)))
        .to(JdbiTicketRepository.class)
        .in(Singleton.class);
    bind(Key.get(HoldRepository.class, Names.named(DATABASE)))
        .to(JdbiHoldRepository.class)
        .in(Singleton.class);
    bind(Key.get(WaitlistRepository.class, Names.named(DATABASE)))
        .to(JdbiWaitlistRepository.class)
        .in(Singleton.class);
    bind(SessionRevocations.class).to(PolledSessionRevocations.class);
    for (Class<?> dao :
        List.of(
            UserDao.class,
            RefreshTokenDao.class,
            EventDao.class,
            BookingDao.class,
            ReviewDao.class,
            TicketDao.class,
            HoldDao.class,
            WaitlistDao.class,
            LoginFailureDao.class)) {
      bindOnDemand(dao);
    }
    Multibinder.newSetBinder(binder(), DependencyProbe.class).addBinding().to(DatabaseProbe.class);
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

  /**
   * Applies the migrations on a pool of their own, for {@code migrate}: nothing else of the app
   * (repositories, metrics, caches) is needed or started for it.
   */
  public static void migrate(AppConfig config) {
    try (HikariDataSource dataSource =
        DataSourceFactory.create(config.db(), config.http().requestTimeout())) {
      new LiquibaseMigrations(dataSource, CHANGELOG).apply();
    }
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

  @Provides
  @Singleton
  DirectStatements directStatements(DataSource dataSource, OpenTelemetry openTelemetry) {
    return new DirectStatements(dataSource, openTelemetry.getTracer("boxoffice.data"));
  }

  @Provides
  @Singleton
  BookingStatement bookingStatement(DirectStatements statements) {
    return new BookingStatement(statements);
  }

  @Provides
  @Singleton
  BookingLanes bookingLanes(BookingStatement statement, AppConfig config) {
    return new BookingLanes(statement, config.bookings().coalesce(), config.db().poolSize());
  }

  /** The changelogs of {@code db/migrations}, applied at start-up. */
  @Provides
  @Singleton
  LiquibaseMigrations migrations(DataSource dataSource) {
    return new LiquibaseMigrations(dataSource, CHANGELOG);
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

  /** A SqlObject DAO as JDBI's thread-safe on-demand singleton. */
  private <T> void bindOnDemand(Class<T> dao) {
    Provider<Jdbi> jdbi = getProvider(Jdbi.class);
    bind(dao).toProvider(() -> jdbi.get().onDemand(dao)).in(Singleton.class);
  }
}
