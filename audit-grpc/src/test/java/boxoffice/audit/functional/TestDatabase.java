package boxoffice.audit.functional;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * A fresh PostgreSQL database per test class, created on the server named by {@code TEST_DB_URL}
 * (default: the local server) and dropped afterwards, so classes are isolated and run in parallel.
 * Only when no server is configured or reachable and a Docker engine answers does Testcontainers
 * start one.
 */
public final class TestDatabase implements AutoCloseable {
  private static final String DEFAULT_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
  private static final Server SERVER = locateServer();

  private final String name;

  private TestDatabase(String name) {
    this.name = name;
  }

  public static TestDatabase create() {
    String name = "audit_test_" + UUID.randomUUID().toString().replace("-", "");
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
    return DriverManager.getConnection(url(), user(), password());
  }

  @Override
  public void close() {
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void execute(String sql) {
    try (Connection c =
            DriverManager.getConnection(SERVER.adminUrl(), SERVER.user(), SERVER.password());
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("test database setup failed: " + e.getMessage(), e);
    }
  }

  private static Server locateServer() {
    String url = System.getenv("TEST_DB_URL");
    String user = envOr("TEST_DB_USER", "postgres");
    String password = envOr("TEST_DB_PASSWORD", "");
    if (url != null && !url.isBlank()) {
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
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }

  /**
   * The server tests create their databases on; {@code adminUrl} names a database to connect to.
   */
  private record Server(String adminUrl, String user, String password) {
    String urlOf(String database) {
      int slash = adminUrl.lastIndexOf('/');
      int query = adminUrl.indexOf('?', slash);
      String suffix = query < 0 ? "" : adminUrl.substring(query);
      return adminUrl.substring(0, slash + 1) + database.toLowerCase(Locale.ROOT) + suffix;
    }
  }
}
