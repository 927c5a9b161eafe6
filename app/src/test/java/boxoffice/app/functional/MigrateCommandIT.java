package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.Application;
import boxoffice.app.config.AppConfig;
import boxoffice.app.config.AppConfigLoader;
import boxoffice.app.testing.TestApp;
import boxoffice.testing.ConnectionBudget;
import boxoffice.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar boxoffice-app.jar migrate} (a deployment's migration job, bench/seed) applies
 * the migrations to a database nothing else has touched, needing nothing of the app but the pool.
 */
class MigrateCommandIT {
  @Test
  @SuppressWarnings("try") // the reservation is held, not used
  void migrateAppliesEveryChangeSetToAnEmptyDatabaseAndARepeatChangesNothing() throws Exception {
    try (TestDatabase database = TestDatabase.create()) {
      AppConfig config = new AppConfigLoader().load(TestApp.environment(database, Map.of()));
      try (ConnectionBudget.Reservation pool = ConnectionBudget.reserve(config.db().poolSize())) {
        migrateTwice(database, config);
      }
    }
  }

  private static void migrateTwice(TestDatabase database, AppConfig config) throws SQLException {
    Application.migrate(config);
    long applied = count(database, "SELECT count(*) FROM databasechangelog");
    Application.migrate(config);

    assertThat(applied).isGreaterThan(10);
    assertThat(count(database, "SELECT count(*) FROM databasechangelog")).isEqualTo(applied);
    assertThat(count(database, "SELECT count(*) FROM events")).isZero();
    assertThat(count(database, "SELECT count(*) FROM waitlist_entries")).isZero();
  }

  private static long count(TestDatabase database, String sql) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
