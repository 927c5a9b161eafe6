package boxoffice.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/** Applies a database's Liquibase changelog, found on the classpath, at start-up. */
public final class LiquibaseMigrations {
  private final DataSource dataSource;
  private final String changelog;

  /** {@code changelog} is a classpath resource such as {@code db/migrations/changelog.yaml}. */
  public LiquibaseMigrations(DataSource dataSource, String changelog) {
    this.dataSource = dataSource;
    this.changelog = changelog;
  }

  public void apply() {
    try (Connection connection = dataSource.getConnection()) {
      Database database =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      // No analytics calls over the network; progress goes to the JSON log, not to stdout.
      Scope.child(
          Map.of("liquibase.analytics.enabled", false, Scope.Attr.ui.name(), new LoggerUIService()),
          () -> {
            try (Liquibase liquibase =
                new Liquibase(
                    changelog,
                    new ClassLoaderResourceAccessor(LiquibaseMigrations.class.getClassLoader()),
                    database)) {
              liquibase.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);
              liquibase.update();
            }
          });
    } catch (SQLException | LiquibaseException e) {
      throw new IllegalStateException("Database migration failed: " + e.getMessage(), e);
    } catch (Exception e) {
      throw new IllegalStateException("Database migration failed", e);
    }
  }
}
