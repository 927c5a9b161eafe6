package boxoffice.app.data;

import boxoffice.app.config.AppConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * One connection of its own for the polls that run several times a second (session revocations,
 * cache invalidations): they never queue behind request traffic for a pooled connection, so a busy
 * instance does not mistake its own load for an unreachable database. Not traced: the polls would
 * flood the traces with root spans.
 */
public final class BackgroundDatabase implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;

  BackgroundDatabase(AppConfig.Database db, Duration statementTimeout) {
    var single =
        new AppConfig.Database(db.url(), db.user(), db.password(), 1, db.connectionTimeout());
    this.dataSource = DataSourceFactory.create(single, statementTimeout, "boxoffice-background");
    this.jdbi =
        Jdbi.create(dataSource)
            .installPlugin(new SqlObjectPlugin())
            .installPlugin(new PostgresPlugin());
  }

  <T> T onDemand(Class<T> dao) {
    return jdbi.onDemand(dao);
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
