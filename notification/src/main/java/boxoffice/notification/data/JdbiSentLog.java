package boxoffice.notification.data;

import boxoffice.notification.service.SentLog;
import boxoffice.notification.service.StoreUnavailableException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/** The sent log in the notification database's {@code sent_notifications} table. */
public final class JdbiSentLog implements SentLog {
  /** The Liquibase changelog of the notification database, on the classpath. */
  public static final String CHANGELOG = "notification-db/changelog.yaml";

  private final Jdbi jdbi;

  public JdbiSentLog(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public Set<UUID> alreadySent(UUID messageId, Collection<UUID> userIds) {
    if (userIds.isEmpty()) {
      return Set.of();
    }
    try {
      return jdbi.withHandle(
          handle ->
              handle
                  .createQuery(
                      "SELECT recipient_id FROM sent_notifications"
                          + " WHERE message_id = :messageId AND recipient_id IN (<userIds>)")
                  .bind("messageId", messageId)
                  .bindList("userIds", userIds)
                  .mapTo(UUID.class)
                  .collect(Collectors.toCollection(HashSet::new)));
    } catch (JdbiException e) {
      throw new StoreUnavailableException("notification database: " + e.getMessage(), e);
    }
  }

  @Override
  public void recordSent(UUID messageId, UUID userId, String messageType) {
    try {
      jdbi.useHandle(
          handle ->
              handle
                  .createUpdate(
                      "INSERT INTO sent_notifications (message_id, recipient_id, message_type)"
                          + " VALUES (:messageId, :userId, :type) ON CONFLICT DO NOTHING")
                  .bind("messageId", messageId)
                  .bind("userId", userId)
                  .bind("type", messageType)
                  .execute());
    } catch (JdbiException e) {
      throw new StoreUnavailableException("notification database: " + e.getMessage(), e);
    }
  }

  @Override
  public int forgetBefore(Instant cutoff) {
    try {
      return jdbi.withHandle(
          handle ->
              handle
                  .createUpdate("DELETE FROM sent_notifications WHERE sent_at < :cutoff")
                  .bind("cutoff", cutoff)
                  .execute());
    } catch (JdbiException e) {
      throw new StoreUnavailableException("notification database: " + e.getMessage(), e);
    }
  }
}
