package boxoffice.app.data;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of the login_failures table. */
interface LoginFailureDao {
  @SqlUpdate(
      "INSERT INTO login_failures (email, client_address, failed_at)"
          + " VALUES (:email, :address, :at)")
  void insert(@Bind("email") String email, @Bind("address") String address, @Bind("at") Instant at);

  @SqlUpdate("DELETE FROM login_failures WHERE email = :email")
  void deleteByEmail(@Bind("email") String email);

  /**
   * The failure that must age out of the window before the email is below its limit again: the
   * {@code limit}-th newest one within the window. Empty while the email is under its limit.
   */
  @SqlQuery(
      "SELECT failed_at FROM login_failures WHERE email = :email AND failed_at > :since"
          + " ORDER BY failed_at DESC OFFSET :limit - 1 LIMIT 1")
  Optional<Instant> limitingFailureOfEmail(
      @Bind("email") String email, @Bind("since") Instant since, @Bind("limit") int limit);

  /** Like {@link #limitingFailureOfEmail}, per client address. */
  @SqlQuery(
      "SELECT failed_at FROM login_failures WHERE client_address = :address"
          + " AND failed_at > :since ORDER BY failed_at DESC OFFSET :limit - 1 LIMIT 1")
  Optional<Instant> limitingFailureOfAddress(
      @Bind("address") String address, @Bind("since") Instant since, @Bind("limit") int limit);

  @SqlUpdate("DELETE FROM login_failures WHERE failed_at < :before")
  int deleteOlderThan(@Bind("before") Instant before);
}
