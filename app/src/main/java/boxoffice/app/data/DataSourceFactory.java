package boxoffice.app.data;

import boxoffice.app.config.AppConfig;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;

/** Builds the connection pool. */
final class DataSourceFactory {
  private DataSourceFactory() {}

  /**
   * The statement timeout equals the request timeout: the database gives up on a query at the same
   * moment the client is told the request timed out.
   */
  static HikariDataSource create(AppConfig.Database db, Duration statementTimeout) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("boxoffice");
    hikari.setJdbcUrl(db.url());
    hikari.setUsername(db.user());
    hikari.setPassword(db.password());
    hikari.setMaximumPoolSize(db.poolSize());
    // Grow under load, shrink when idle: many instances must not pin max_connections idle.
    hikari.setMinimumIdle(Math.min(2, db.poolSize()));
    hikari.setConnectionTimeout(db.connectionTimeout().toMillis());
    hikari.setValidationTimeout(Math.min(db.connectionTimeout().toMillis(), 1000));
    hikari.addDataSourceProperty("ApplicationName", "boxoffice");
    hikari.addDataSourceProperty(
        "options",
        "-c statement_timeout="
            + statementTimeout.toMillis()
            // Searches are planned for their own values (PlannedPerExecution), not the session:
            // forcing custom plans here doubled the database's CPU per booking statement.
            + " -c TimeZone=UTC");
    hikari.addDataSourceProperty("connectTimeout", Math.max(1, db.connectionTimeout().toSeconds()));
    hikari.addDataSourceProperty("tcpKeepAlive", true);
    // The server's error detail quotes the offending values ("Key (email)=(...)"): keep it out of
    // exception messages, which end up in logs.
    hikari.addDataSourceProperty("logServerErrorDetail", false);
    return new HikariDataSource(hikari);
  }
}
