package boxoffice.app.data;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of the login_failures table (one row per counted login attempt). */
interface LoginFailureDao {
  /**
   * Counts an attempt if both keys are below their limits within the window; true if it did. The
   * function (migration 008) serialises callers per key with advisory locks held until the
   * statement's transaction ends, so call it outside any longer transaction.
   */
  @SqlQuery(
      "SELECT count_login_attempt(:email, :address, :emailLock, :addressLock,"
          + " :at, :since, :perEmail, :perAddress)")
  boolean countAttempt(
      @Bind("email") byte[] email,
      @Bind("address") byte[] address,
      @Bind("emailLock") int emailLock,
      @Bind("addressLock") int addressLock,
      @Bind("at") Instant at,
      @Bind("since") Instant since,
      @Bind("perEmail") int perEmail,
      @Bind("perAddress") int perAddress);

  @SqlUpdate("DELETE FROM login_failures WHERE email_hash = :email")
  void deleteByEmail(@Bind("email") byte[] email);

  /**
   * The failure that must age out of the window before the email is below its limit again: the
   * {@code limit}-th newest one within the window. Empty while the email is under its limit.
   */
  @SqlQuery(
      "SELECT failed_at FROM login_failures WHERE email_hash = :email AND failed_at > :since"
          + " ORDER BY failed_at DESC OFFSET :limit - 1 LIMIT 1")
  Optional<Instant> limitingFailureOfEmail(
      @Bind("email") byte[] email, @Bind("since") Instant since, @Bind("limit") int limit);

  /** Like {@link #limitingFailureOfEmail}, per client address. */
  @SqlQuery(
      "SELECT failed_at FROM login_failures WHERE address_hash = :address"
          + " AND failed_at > :since ORDER BY failed_at DESC OFFSET :limit - 1 LIMIT 1")
  Optional<Instant> limitingFailureOfAddress(
      @Bind("address") byte[] address, @Bind("since") Instant since, @Bind("limit") int limit);

  @SqlUpdate("DELETE FROM login_failures WHERE failed_at < :before")
  int deleteOlderThan(@Bind("before") Instant before);
}
