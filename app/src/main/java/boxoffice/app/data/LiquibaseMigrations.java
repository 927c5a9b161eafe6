package boxoffice.app.data;

import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
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

/** Applies the changelogs of {@code db/migrations} at start-up. */
public final class LiquibaseMigrations {
  static final String CHANGELOG = "db/migrations/changelog.yaml";

  private final DataSource dataSource;

  @Inject
  LiquibaseMigrations(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public void apply() {
    try (Connection connection = dataSource.getConnection()) {
      Database database =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      // No analytics calls over the network; progress goes to the JSON log, not to stdout.
      Scope.child(
          java.util.Map.of(
              "liquibase.analytics.enabled", false, Scope.Attr.ui.name(), new LoggerUIService()),
          () -> {
            try (Liquibase liquibase =
                new Liquibase(
                    CHANGELOG,
                    new ClassLoaderResourceAccessor(getClass().getClassLoader()),
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
