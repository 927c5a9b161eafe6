package boxoffice.notification.data;

import boxoffice.notification.config.NotificationConfig;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Builds the two small connection pools: the service's own database and the app's, read only. */
public final class ConnectionPools {
  private static final long STATEMENT_TIMEOUT_MILLIS = 30_000;

  private ConnectionPools() {}

  /** The notification database, read and written. */
  public static HikariDataSource own(NotificationConfig.Database db) {
    return new HikariDataSource(common("notification", db));
  }

  /**
   * The booking app's database. Every connection is read only, enforced by the driver even outside
   * transactions ({@code readOnlyMode=always}); production also connects as a read-only role.
   */
  public static HikariDataSource appReadOnly(NotificationConfig.Database db) {
    HikariConfig hikari = common("notification-app-read", db);
    hikari.setReadOnly(true);
    hikari.addDataSourceProperty("readOnlyMode", "always");
    return new HikariDataSource(hikari);
  }

  private static HikariConfig common(String name, NotificationConfig.Database db) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName(name);
    hikari.setJdbcUrl(db.url());
    hikari.setUsername(db.user());
    hikari.setPassword(db.password());
    hikari.setMaximumPoolSize(db.poolSize());
    hikari.setMinimumIdle(1);
    hikari.setConnectionTimeout(db.connectionTimeout().toMillis());
    hikari.setValidationTimeout(Math.min(db.connectionTimeout().toMillis(), 1000));
    // A pool is created even while its database is down; reads fail until it is back, and the
    // consumer retries the message meanwhile (only the start-up migration needs the own database).
    hikari.setInitializationFailTimeout(-1);
    hikari.addDataSourceProperty("ApplicationName", "boxoffice-notification");
    hikari.addDataSourceProperty(
        "options", "-c statement_timeout=" + STATEMENT_TIMEOUT_MILLIS + " -c TimeZone=UTC");
    hikari.addDataSourceProperty("connectTimeout", Math.max(1, db.connectionTimeout().toSeconds()));
    hikari.addDataSourceProperty("tcpKeepAlive", true);
    return hikari;
  }
}
