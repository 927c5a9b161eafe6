package boxoffice.audit.functional;

import boxoffice.audit.log.StoredEntry;
import boxoffice.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Direct reads and edits of a test's audit database, behind the server's back. */
final class AuditDatabase {
  private AuditDatabase() {}

  static long count(TestDatabase database, String where, Object... parameters) {
    try (Connection connection = database.connect();
        PreparedStatement query =
            connection.prepareStatement("SELECT count(*) FROM audit_entries WHERE " + where)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The row at {@code sequence}, read as the server would read it. */
  static StoredEntry entryAt(TestDatabase database, long sequence) {
    try (Connection connection = database.connect();
        PreparedStatement query =
            connection.prepareStatement("SELECT * FROM audit_entries WHERE sequence = ?")) {
      query.setLong(1, sequence);
      try (ResultSet rs = query.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no entry at sequence " + sequence);
        }
        return new StoredEntry(
            rs.getLong("sequence"),
            rs.getObject("entry_id", UUID.class),
            rs.getString("action"),
            rs.getString("actor_id"),
            rs.getString("entity_type"),
            rs.getString("entity_id"),
            rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
            rs.getString("payload"),
            rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
            rs.getString("prev_hash"),
            rs.getString("hash"));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Runs statements with the append-only triggers disabled, as an owner bent on tampering could.
   */
  static void tamper(TestDatabase database, String... statements) {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      statement.execute("ALTER TABLE audit_entries DISABLE TRIGGER USER");
      for (String sql : statements) {
        statement.execute(sql);
      }
      statement.execute("ALTER TABLE audit_entries ENABLE TRIGGER USER");
      connection.commit();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
