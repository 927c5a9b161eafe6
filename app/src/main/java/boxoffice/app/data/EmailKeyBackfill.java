package boxoffice.app.data;

import boxoffice.app.domain.Credentials;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migration 008: fills users.email_key with {@link Credentials#emailKey}, the same function the app
 * uses for every lookup. Accounts registered before it may collide under the new key ("straße" and
 * "strasse"); the oldest keeps the key, and a younger one gets its key suffixed with its id, so the
 * unique index can be built and no account is lost (it signs in with that suffixed spelling until
 * an operator renames it). Only user ids are logged.
 */
public final class EmailKeyBackfill implements CustomTaskChange {
  private static final Logger log = LoggerFactory.getLogger(EmailKeyBackfill.class);

  private int filled;

  @Override
  public void execute(Database database) throws CustomChangeException {
    Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
    Set<String> taken = new HashSet<>();
    try (PreparedStatement select =
            connection.prepareStatement("SELECT id, email FROM users ORDER BY created_at, id");
        PreparedStatement update =
            connection.prepareStatement("UPDATE users SET email_key = ? WHERE id = ?");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        UUID id = rows.getObject("id", UUID.class);
        String key = Credentials.emailKey(rows.getString("email"));
        if (!taken.add(key)) {
          key = key + " #" + id;
          log.warn("Account {} shares its folded email with an older account; key suffixed", id);
        }
        update.setString(1, key);
        update.setObject(2, id);
        update.addBatch();
        filled++;
      }
      update.executeBatch();
    } catch (SQLException e) {
      throw new CustomChangeException("email_key backfill failed: " + e.getSQLState(), e);
    }
  }

  @Override
  public String getConfirmationMessage() {
    return "Filled email_key of " + filled + " accounts";
  }

  @Override
  public void setUp() {}

  @Override
  public void setFileOpener(ResourceAccessor resourceAccessor) {}

  @Override
  public ValidationErrors validate(Database database) {
    return new ValidationErrors();
  }
}
