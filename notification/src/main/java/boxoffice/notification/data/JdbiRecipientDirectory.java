package boxoffice.notification.data;

import boxoffice.notification.service.Recipient;
import boxoffice.notification.service.RecipientDirectory;
import boxoffice.notification.service.StoreUnavailableException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Recipients read from the booking app's {@code users} and {@code bookings} tables over a read-only
 * connection. Those tables (their id, email, name, event_id, user_id and status columns) are the
 * contract with the app.
 */
public final class JdbiRecipientDirectory implements RecipientDirectory {
  private static final UUID LOWEST = new UUID(0, 0);
  private static final RowMapper<Recipient> RECIPIENT =
      (rs, ctx) ->
          new Recipient(
              rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"));

  private final Jdbi appDb;

  public JdbiRecipientDirectory(Jdbi appDb) {
    this.appDb = appDb;
  }

  @Override
  public Optional<Recipient> user(UUID userId) {
    try {
      return appDb.withHandle(
          handle ->
              handle
                  .createQuery("SELECT id, email, name FROM users WHERE id = :id")
                  .bind("id", userId)
                  .map(RECIPIENT)
                  .findOne());
    } catch (JdbiException e) {
      throw new StoreUnavailableException("app database: " + e.getMessage(), e);
    }
  }

  @Override
  public List<Recipient> holders(UUID eventId, Optional<UUID> after, int limit) {
    // The partial index bookings (event_id, user_id) WHERE status = 'CONFIRMED' serves the page.
    try {
      return appDb.withHandle(
          handle ->
              handle
                  .createQuery(
                      """
                      SELECT u.id, u.email, u.name
                      FROM (SELECT DISTINCT b.user_id
                            FROM bookings b
                            WHERE b.event_id = :eventId
                              AND b.status = 'CONFIRMED'
                              AND b.user_id > :after
                            ORDER BY b.user_id
                            LIMIT :limit) holder
                      JOIN users u ON u.id = holder.user_id
                      ORDER BY u.id
                      """)
                  .bind("eventId", eventId)
                  .bind("after", after.orElse(LOWEST))
                  .bind("limit", limit)
                  .map(RECIPIENT)
                  .list());
    } catch (JdbiException e) {
      throw new StoreUnavailableException("app database: " + e.getMessage(), e);
    }
  }
}
