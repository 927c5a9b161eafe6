package boxoffice.notification.data;

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

/** Applies the notification database's own changelog at start-up. */
public final class NotificationMigrations {
  static final String CHANGELOG = "notification-db/changelog.yaml";

  private final DataSource dataSource;

  public NotificationMigrations(DataSource dataSource) {
    this.dataSource = dataSource;
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
