package boxoffice.app.data;

import boxoffice.app.service.RefreshTokenRepository.StoredRefreshToken;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of the refresh_families and refresh_tokens tables. */
@RegisterRowMapper(RefreshTokenDao.TokenMapper.class)
interface RefreshTokenDao {
  @SqlUpdate(
      "INSERT INTO refresh_families (id, user_id, created_at) VALUES (:id, :userId, :createdAt)")
  void insertFamily(
      @Bind("id") UUID id, @Bind("userId") UUID userId, @Bind("createdAt") Instant createdAt);

  /** Whether the family is live, with its row locked until the transaction ends. */
  @SqlQuery("SELECT revoked_at IS NULL FROM refresh_families WHERE id = :id FOR UPDATE")
  Optional<Boolean> lockFamily(@Bind("id") UUID id);

  @SqlUpdate("UPDATE refresh_families SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
  void markFamilyRevoked(@Bind("id") UUID id, @Bind("at") Instant at);

  /** Locks the user's live families in id order, so two such locks queue rather than deadlock. */
  @SqlQuery(
      "SELECT id FROM refresh_families WHERE user_id = :userId AND revoked_at IS NULL"
          + " ORDER BY id FOR UPDATE")
  List<UUID> lockLiveFamiliesOfUser(@Bind("userId") UUID userId);

  @SqlUpdate(
      "UPDATE refresh_families SET revoked_at = :at WHERE user_id = :userId AND revoked_at IS NULL")
  void markFamiliesOfUserRevoked(@Bind("userId") UUID userId, @Bind("at") Instant at);

  @SqlUpdate(
      "UPDATE refresh_tokens SET revoked_at = :at WHERE user_id = :userId AND revoked_at IS NULL")
  int revokeTokensOfUser(@Bind("userId") UUID userId, @Bind("at") Instant at);

  @SqlUpdate(
      "INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at, created_at)"
          + " VALUES (:id, :userId, :familyId, :tokenHash, :expiresAt, :createdAt)")
  void insert(
      @Bind("id") UUID id,
      @Bind("userId") UUID userId,
      @Bind("familyId") UUID familyId,
      @Bind("tokenHash") byte[] tokenHash,
      @Bind("expiresAt") Instant expiresAt,
      @Bind("createdAt") Instant createdAt);

  @SqlQuery("SELECT * FROM refresh_tokens WHERE token_hash = :tokenHash")
  Optional<StoredRefreshToken> find(@Bind("tokenHash") byte[] tokenHash);

  @SqlUpdate(
      "UPDATE refresh_tokens SET replaced_by = :replacedBy, revoked_at = :at"
          + " WHERE id = :id AND revoked_at IS NULL")
  void markReplaced(
      @Bind("id") UUID id, @Bind("replacedBy") UUID replacedBy, @Bind("at") Instant at);

  @SqlUpdate(
      "UPDATE refresh_tokens SET revoked_at = :at WHERE family_id = :familyId"
          + " AND revoked_at IS NULL")
  int revokeFamilyTokens(@Bind("familyId") UUID familyId, @Bind("at") Instant at);

  /** Maps a refresh_tokens row. */
  final class TokenMapper implements RowMapper<StoredRefreshToken> {
    @Override
    public StoredRefreshToken map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new StoredRefreshToken(
          rs.getObject("id", UUID.class),
          rs.getObject("user_id", UUID.class),
          rs.getObject("family_id", UUID.class),
          rs.getBytes("token_hash"),
          rs.getTimestamp("expires_at").toInstant(),
          rs.getTimestamp("created_at").toInstant(),
          Optional.ofNullable(rs.getTimestamp("revoked_at")).map(Timestamp::toInstant),
          Optional.ofNullable(rs.getObject("replaced_by", UUID.class)));
    }
  }
}
