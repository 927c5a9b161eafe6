package boxoffice.audit.data;

import boxoffice.audit.config.AuditConfig;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Builds the connection pool of the audit database. */
public final class AuditDataSource {
  private AuditDataSource() {}

  /**
   * Sessions run in UTC with the configured statement timeout as a backstop; each transaction
   * lowers it to what is left of the caller's deadline.
   */
  public static HikariDataSource create(AuditConfig.Database db) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("audit");
    hikari.setJdbcUrl(db.url());
    hikari.setUsername(db.user());
    hikari.setPassword(db.password());
    hikari.setMaximumPoolSize(db.poolSize());
    hikari.setConnectionTimeout(db.connectionTimeout().toMillis());
    hikari.setValidationTimeout(Math.min(db.connectionTimeout().toMillis(), 1000));
    hikari.addDataSourceProperty("ApplicationName", "boxoffice-audit");
    hikari.addDataSourceProperty(
        "options", "-c statement_timeout=" + db.statementTimeout().toMillis() + " -c TimeZone=UTC");
    hikari.addDataSourceProperty("connectTimeout", Math.max(1, db.connectionTimeout().toSeconds()));
    hikari.addDataSourceProperty("tcpKeepAlive", true);
    return new HikariDataSource(hikari);
  }
}
