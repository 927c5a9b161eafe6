package boxoffice.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
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
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * A fresh PostgreSQL database per test class, created on the server named by {@code TEST_DB_URL}
 * (user {@code TEST_DB_USER} or postgres, password {@code TEST_DB_PASSWORD} or empty; by default
 * the local server) and dropped on {@link #close()}, so classes are isolated and run in parallel.
 * Only when no server is configured or reachable and a Docker engine answers does Testcontainers
 * start one.
 *
 * <p>The server may be shared with other test runs: when it has no connection slot left ("too many
 * clients"), each step polls again until {@link #SERVER_FULL_PATIENCE} has passed.
 */
public final class TestDatabase implements AutoCloseable {
  public static final Duration SERVER_FULL_PATIENCE = Duration.ofSeconds(60);
  private static final String DEFAULT_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
  private static final String TOO_MANY_CONNECTIONS = "53300";
  private static final long POLL_NANOS = Duration.ofMillis(250).toNanos();
  private static final Server SERVER = locateServer();

  private final String name;

  private TestDatabase(String name) {
    this.name = name;
  }

  /** Creates an empty database named {@code boxoffice_test_} and a random suffix. */
  public static TestDatabase create() {
    return create("boxoffice");
  }

  /** Creates an empty database named after the prefix and a random suffix. */
  public static TestDatabase create(String prefix) {
    String name =
        (prefix + "_test_" + UUID.randomUUID().toString().replace("-", ""))
            .toLowerCase(Locale.ROOT);
    execute("CREATE DATABASE " + name);
    return new TestDatabase(name);
  }

  public String url() {
    return SERVER.urlOf(name);
  }

  public String user() {
    return SERVER.user();
  }

  public String password() {
    return SERVER.password();
  }

  public Connection connect() throws SQLException {
    long deadline = System.nanoTime() + SERVER_FULL_PATIENCE.toNanos();
    while (true) {
      try {
        return DriverManager.getConnection(url(), user(), password());
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

  private static boolean serverFull(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && TOO_MANY_CONNECTIONS.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** The server's {@code max_connections} less its superuser-reserved slots. */
  static int maxConnections() {
    return whenServerHasRoom(
        () -> {
          try (Connection c =
                  DriverManager.getConnection(SERVER.adminUrl(), SERVER.user(), SERVER.password());
              Statement s = c.createStatement();
              var rows =
                  s.executeQuery(
                      "SELECT current_setting('max_connections')::int"
                          + " - current_setting('superuser_reserved_connections')::int")) {
            rows.next();
            return rows.getInt(1);
          } catch (SQLException e) {
            throw new IllegalStateException("reading max_connections failed: " + e.getMessage(), e);
          }
        });
  }

  private static void execute(String sql) {
    whenServerHasRoom(
        () -> {
          executeOnce(sql);
          return null;
        });
  }

  private static void executeOnce(String sql) {
    try (Connection c =
            DriverManager.getConnection(SERVER.adminUrl(), SERVER.user(), SERVER.password());
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "test database setup failed ("
              + SERVER.adminUrl()
              + "; set TEST_DB_URL, TEST_DB_USER, TEST_DB_PASSWORD): "
              + e.getMessage(),
          e);
    }
  }

  private static Server locateServer() {
    String url = envOr("TEST_DB_URL", "");
    String user = envOr("TEST_DB_USER", "postgres");
    String password = envOr("TEST_DB_PASSWORD", "");
    if (!url.isEmpty()) {
      return new Server(url, user, password);
    }
    if (reachable("127.0.0.1", 5432)) {
      return new Server(DEFAULT_ADMIN_URL, user, password);
    }
    if (DockerClientFactory.instance().isDockerAvailable()) {
      PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15-alpine");
      container.start();
      return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }
    throw new IllegalStateException(
        "No PostgreSQL for tests: set TEST_DB_URL, start one on 127.0.0.1:5432, or run Docker");
  }

  private static boolean reachable(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  /**
   * The server tests create their databases on; {@code adminUrl} names a database to connect to.
   */
  private record Server(String adminUrl, String user, String password) {
    String urlOf(String database) {
      int slash = adminUrl.lastIndexOf('/');
      int query = adminUrl.indexOf('?', slash);
      String suffix = query < 0 ? "" : adminUrl.substring(query);
      return adminUrl.substring(0, slash + 1) + database + suffix;
    }
  }
}
