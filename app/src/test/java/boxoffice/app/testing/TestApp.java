package boxoffice.app.testing;

import boxoffice.app.Application;
import boxoffice.app.config.AppConfig;
import boxoffice.app.config.AppConfigLoader;
import boxoffice.testing.ConnectionBudget;
import boxoffice.testing.MutableClock;
import boxoffice.testing.TestDatabase;
import com.google.inject.CreationException;
import com.google.inject.spi.Message;
import io.opentelemetry.api.OpenTelemetry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The real booking service on a random port against its own fresh database: what functional tests
 * speak HTTP to.
 */
public final class TestApp implements AutoCloseable {
  public static final String ADMIN_EMAIL = "admin@boxoffice.test";
  public static final String ADMIN_PASSWORD = "admin-password-for-tests";
  public static final String JWT_SECRET = "test-secret-that-is-long-enough-for-hs256!";

  /** A system property that, when set, is the instances' {@code booking.coalesce}. */
  public static final String COALESCE_PROPERTY = "boxoffice.test.booking-coalesce";

  private final TestDatabase database;
  private final boolean ownsDatabase;
  private final MutableClock clock;
  private final ConnectionBudget.Reservation connections;
  private final Application application;
  private final TestHttpClient http;

  private TestApp(
      TestDatabase database,
      boolean ownsDatabase,
      Map<String, String> overrides,
      OpenTelemetry openTelemetry) {
    this.database = database;
    this.ownsDatabase = ownsDatabase;
    this.clock = new MutableClock();
    AppConfig config = new AppConfigLoader().load(environment(database, overrides));
    this.connections = ConnectionBudget.reserve(config.db().poolSize());
    try {
      // Test classes run in parallel: wait for a connection slot instead of failing at once.
      this.application =
          whenServerHasRoom(() -> Application.start(config, clock, "127.0.0.1", openTelemetry));
    } catch (RuntimeException e) {
      connections.close();
      if (ownsDatabase) {
        database.close();
      }
      throw e;
    }
    this.http = new TestHttpClient("http://127.0.0.1:" + application.port());
  }

  public static TestApp start() {
    return start(Map.of());
  }

  /** Starts on a new database; {@code overrides} are environment variables such as BCRYPT_COST. */
  public static TestApp start(Map<String, String> overrides) {
    return new TestApp(TestDatabase.create(), true, overrides, OpenTelemetry.noop());
  }

  /** Starts on a new database, recording spans with {@code openTelemetry}. */
  public static TestApp startTraced(OpenTelemetry openTelemetry) {
    return start(Map.of(), openTelemetry);
  }

  /**
   * Starts on a new database with {@code overrides}, recording spans with {@code openTelemetry}.
   */
  public static TestApp start(Map<String, String> overrides, OpenTelemetry openTelemetry) {
    return new TestApp(TestDatabase.create(), true, overrides, openTelemetry);
  }

  /** Starts on an existing database (a second instance, or a restart); the caller owns it. */
  public static TestApp startOn(TestDatabase database, Map<String, String> overrides) {
    return new TestApp(database, false, overrides, OpenTelemetry.noop());
  }

  public static Map<String, String> environment(
      TestDatabase database, Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>();
    env.put("HTTP_PORT", "0");
    env.put("DB_URL", database.url());
    env.put("DB_USER", database.user());
    env.put("DB_PASSWORD", database.password());
    env.put("DB_POOL_SIZE", "4");
    env.put("JWT_SECRET", JWT_SECRET);
    env.put("ADMIN_EMAIL", ADMIN_EMAIL);
    env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
    // The cheapest cost bcrypt allows keeps the suite fast; the production default is 12.
    env.put("BCRYPT_COST", "4");
    // The build runs the seat-race tests once with coalesced bookings (the default) and once
    // without.
    String coalesce = System.getProperty(COALESCE_PROPERTY);
    if (coalesce != null) {
      env.put("BOOKING_COALESCE", coalesce);
    }
    env.putAll(overrides);
    return env;
  }

  /**
   * Starts again while the pool could not open its first connection because the server had no slot
   * left; Guice reports that inside its CreationException's messages, not as the exception's cause.
   */
  private static Application whenServerHasRoom(Supplier<Application> start) {
    long deadline = System.nanoTime() + TestDatabase.SERVER_FULL_PATIENCE.toNanos();
    while (true) {
      try {
        return start.get();
      } catch (CreationException e) {
        if (!serverFull(e) || System.nanoTime() > deadline) {
          throw e;
        }
        LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
      }
    }
  }

  private static boolean serverFull(CreationException e) {
    for (Message message : e.getErrorMessages()) {
      for (Throwable t = message.getCause(); t != null; t = t.getCause()) {
        if (t instanceof SQLException sql && "53300".equals(sql.getSQLState())) {
          return true;
        }
      }
    }
    return false;
  }

  public TestHttpClient http() {
    return http;
  }

  public MutableClock clock() {
    return clock;
  }

  public TestDatabase database() {
    return database;
  }

  public Application application() {
    return application;
  }

  @Override
  public void close() {
    application.close();
    connections.close();
    if (ownsDatabase) {
      database.close();
    }
  }
}
