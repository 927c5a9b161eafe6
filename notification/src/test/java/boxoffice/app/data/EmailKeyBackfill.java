package boxoffice.app.data;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * Stands in, on the notification tests' classpath only, for the booking app's Java migration of the
 * same name, which db/migrations/008-email-keys.yaml names: Liquibase loads the class while it
 * reads the changelog, and the notification module must not depend on the app. The real backfill
 * fills users.email_key of existing accounts; the tests migrate an empty database, so there is
 * nothing to fill, and this stand-in refuses to run on one that has accounts.
 */
public final class EmailKeyBackfill implements CustomTaskChange {
  @Override
  public ValidationErrors validate(Database database) {
    return new ValidationErrors();
  }

  @Override
  public void setUp() {}

  /** Fills nothing, and fails on a database with accounts: those need the real backfill. */
  @Override
  public void execute(Database database) throws CustomChangeException {
    Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM users")) {
      rows.next();
      if (rows.getLong(1) != 0) {
        throw new CustomChangeException(
            "the notification tests' stand-in backfills no accounts; migrate an empty database");
      }
    } catch (SQLException e) {
      throw new CustomChangeException(e);
    }
  }

  @Override
  public void setFileOpener(ResourceAccessor resourceAccessor) {}

  @Override
  public String getConfirmationMessage() {
    return "users.email_key: no accounts to backfill";
  }
}
