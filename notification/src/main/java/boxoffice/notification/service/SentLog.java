package boxoffice.notification.service;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/** The (message, recipient) pairs already emailed, so a redelivered message is not sent twice. */
public interface SentLog {

  /** Those of the given users that were already emailed about this message. */
  Set<UUID> alreadySent(UUID messageId, Collection<UUID> userIds);

  /** Records that this user was emailed about this message; recording twice is harmless. */
  void recordSent(UUID messageId, UUID userId, String messageType);

  /** Forgets pairs recorded before the given instant; returns how many. */
  int forgetBefore(Instant cutoff);
}
