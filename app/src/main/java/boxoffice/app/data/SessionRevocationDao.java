package boxoffice.app.data;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of the session_revocations table, written by triggers (migration 011). */
interface SessionRevocationDao {
  @SqlQuery(
      "SELECT family_id, user_id, revoked_at FROM session_revocations"
          + " WHERE revoked_at > :since ORDER BY revoked_at")
  @RegisterConstructorMapper(Revocation.class)
  List<Revocation> since(@Bind("since") Instant since);

  @SqlUpdate(
      "DELETE FROM session_revocations"
          + " WHERE revoked_at < now() - make_interval(secs => :seconds)")
  int deleteOlderThan(@Bind("seconds") long seconds);

  /** A revoked session ({@code familyId}) or a user's tokens up to {@code revokedAt}. */
  record Revocation(UUID familyId, UUID userId, Instant revokedAt) {}
}
