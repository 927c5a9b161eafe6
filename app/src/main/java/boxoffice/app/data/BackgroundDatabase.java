package boxoffice.app.data;

import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The database as the polls that run several times a second (session revocations, cache
 * invalidations) use it: the app's pool, without tracing, which would flood the traces with root
 * spans. They take no connection of their own: a poll waits behind requests only when the pool is
 * exhausted, and then requests are failing with 503 already.
 */
public final class BackgroundDatabase {
  private final Jdbi jdbi;

  BackgroundDatabase(DataSource dataSource) {
    this.jdbi =
        Jdbi.create(dataSource)
            .installPlugin(new SqlObjectPlugin())
            .installPlugin(new PostgresPlugin());
  }

  public <T> T onDemand(Class<T> dao) {
    return jdbi.onDemand(dao);
  }
}
