package boxoffice.audit.data;

import boxoffice.audit.log.StoredEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads a row of {@code audit_entries} exactly as stored, without validation. */
final class StoredEntryMapper implements RowMapper<StoredEntry> {
  /** The columns this mapper reads, for {@code SELECT}. */
  static final String COLUMNS =
      "sequence, entry_id, action, actor_id, entity_type, entity_id, occurred_at, payload,"
          + " recorded_at, prev_hash, hash";

  @Override
  public StoredEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
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
}
