package boxoffice.notification.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * A fresh PostgreSQL database per test class, created on the server named by {@code TEST_DB_URL}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/postgres}, user {@code TEST_DB_USER} or
 * postgres, password {@code TEST_DB_PASSWORD} or empty) and dropped on {@link #close()}.
 *
 * <p>The server may be shared with other test runs: when it has no connection slot left ("too many
 * clients"), each step polls again until {@link #SERVER_FULL_PATIENCE} has passed.
 */
public final class TestDatabase implements AutoCloseable {
  private static final String DEFAULT_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
  private static final String ADMIN_URL = envOr("TEST_DB_URL", DEFAULT_ADMIN_URL);
  private static final String USER = envOr("TEST_DB_USER", "postgres");
  private static final String PASSWORD = envOr("TEST_DB_PASSWORD", "");
  private static final String TOO_MANY_CONNECTIONS = "53300";
  public static final Duration SERVER_FULL_PATIENCE = Duration.ofSeconds(60);
  private static final long POLL_NANOS = Duration.ofMillis(250).toNanos();

  private final String name;

  private TestDatabase(String name) {
    this.name = name;
  }

  /** Creates an empty database named after the prefix and a random suffix. */
  public static TestDatabase create(String prefix) {
    String name = prefix + "_test_" + UUID.randomUUID().toString().replace("-", "");
    execute("CREATE DATABASE " + name.toLowerCase(Locale.ROOT));
    return new TestDatabase(name.toLowerCase(Locale.ROOT));
  }

  public String url() {
    int slash = ADMIN_URL.lastIndexOf('/');
    int query = ADMIN_URL.indexOf('?', slash);
    String suffix = query < 0 ? "" : ADMIN_URL.substring(query);
    return ADMIN_URL.substring(0, slash + 1) + name + suffix;
  }

  public String user() {
    return USER;
  }

  public String password() {
    return PASSWORD;
  }

  public Connection connect() throws SQLException {
    long deadline = System.nanoTime() + SERVER_FULL_PATIENCE.toNanos();
    while (true) {
      try {
        return DriverManager.getConnection(url(), USER, PASSWORD);
      } catch (SQLException e) {
        if (!serverFull(e) || System.nanoTime() > deadline) {
          throw e;
        }
        LockSupport.parkNanos(POLL_NANOS);
      }
    }
  }

  /**
   * Runs {@code step} again while it fails because the server had no connection slot left, until
   * {@link #SERVER_FULL_PATIENCE} has passed.
   */
  public static <T> T whenServerHasRoom(Supplier<T> step) {
    long deadline = System.nanoTime() + SERVER_FULL_PATIENCE.toNanos();
    while (true) {
      try {
        return step.get();
      } catch (RuntimeException e) {
        if (!serverFull(e) || System.nanoTime() > deadline) {
          throw e;
        }
        LockSupport.parkNanos(POLL_NANOS);
      }
    }
  }

  private static boolean serverFull(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && TOO_MANY_CONNECTIONS.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** Runs the SQL script found on the test classpath under this resource name. */
  public void runScript(String resource) {
    String sql;
    try (InputStream in = TestDatabase.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + resource);
      }
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("running " + resource + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void execute(String sql) {
    whenServerHasRoom(
        () -> {
          executeOnce(sql);
          return null;
        });
  }

  private static void executeOnce(String sql) {
    try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "test database setup failed ("
              + ADMIN_URL
              + "; set TEST_DB_URL, TEST_DB_USER, TEST_DB_PASSWORD): "
              + e.getMessage(),
          e);
    }
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
