package boxoffice.app.data;

import boxoffice.app.domain.Role;
import boxoffice.app.domain.User;
import boxoffice.app.service.UserRepository.UserCredentials;
import java.sql.ResultSet;
import java.sql.SQLException;
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

/** SQL of the users table. */
@RegisterRowMapper(UserDao.UserMapper.class)
@RegisterRowMapper(UserDao.CredentialsMapper.class)
interface UserDao {
  String COLUMNS = "id, email, name, role, created_at, password_hash";

  @SqlQuery(
      "INSERT INTO users (id, email, email_key, name, role, password_hash)"
          + " VALUES (:id, :email, :emailKey, :name, :role, :passwordHash)"
          + " ON CONFLICT DO NOTHING RETURNING "
          + COLUMNS)
  Optional<User> insert(
      @Bind("id") UUID id,
      @Bind("email") String email,
      @Bind("emailKey") String emailKey,
      @Bind("name") String name,
      @Bind("role") String role,
      @Bind("passwordHash") String passwordHash);

  @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE email_key = :emailKey")
  Optional<UserCredentials> findCredentialsByEmailKey(@Bind("emailKey") String emailKey);

  @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
  Optional<User> findById(@Bind("id") UUID id);

  @SqlQuery("SELECT " + COLUMNS + " FROM users ORDER BY created_at, id LIMIT :limit")
  List<User> first(@Bind("limit") int limit);

  @SqlQuery(
      "SELECT "
          + COLUMNS
          + " FROM users WHERE (created_at, id) > (:createdAt, :id)"
          + " ORDER BY created_at, id LIMIT :limit")
  List<User> after(
      @Bind("createdAt") Instant createdAt, @Bind("id") UUID id, @Bind("limit") int limit);

  @SqlUpdate(
      "UPDATE users SET password_hash = :passwordHash, role = :role, updated_at = now()"
          + " WHERE id = :id")
  void updatePasswordAndRole(
      @Bind("id") UUID id, @Bind("passwordHash") String passwordHash, @Bind("role") String role);

  // FOR NO KEY UPDATE, not FOR UPDATE: it still queues role changes behind each other, but lets
  // a refresh-token rotation insert its token (a foreign key to users takes FOR KEY SHARE), so a
  // role change waiting for that rotation's session lock cannot deadlock with it.
  @SqlQuery("SELECT id FROM users WHERE role = 'ADMIN' ORDER BY id FOR NO KEY UPDATE")
  List<UUID> lockAdministrators();

  @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id FOR NO KEY UPDATE")
  Optional<User> lockById(@Bind("id") UUID id);

  @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id FOR SHARE")
  Optional<User> findForShare(@Bind("id") UUID id);

  @SqlQuery("UPDATE users SET role = :role, updated_at = now() WHERE id = :id RETURNING " + COLUMNS)
  Optional<User> updateRole(@Bind("id") UUID id, @Bind("role") String role);

  /** Maps a users row to the domain. */
  final class UserMapper implements RowMapper<User> {
    @Override
    public User map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new User(
          rs.getObject("id", UUID.class),
          rs.getString("email"),
          rs.getString("name"),
          Role.valueOf(rs.getString("role")),
          rs.getTimestamp("created_at").toInstant());
    }
  }

  /** Maps a users row with its password hash. */
  final class CredentialsMapper implements RowMapper<UserCredentials> {
    private final UserMapper users = new UserMapper();

    @Override
    public UserCredentials map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new UserCredentials(users.map(rs, ctx), rs.getString("password_hash"));
    }
  }
}
