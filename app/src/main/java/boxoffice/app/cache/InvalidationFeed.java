package boxoffice.app.cache;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Event cache invalidations passed on through PostgreSQL: an instance that cannot reach Redis
 * publishes what it could not invalidate, and every instance that can reach Redis applies what was
 * published. So a write on an instance cut off from Redis still evicts the entry every other
 * instance reads.
 *
 * <p>Readers look back over a window instead of following the id: identities are taken before
 * commit, so a row with a lower id can become visible after one with a higher id.
 */
interface InvalidationFeed {
  /** How far back {@link #recent} reaches: far longer than a single-row insert takes to commit. */
  Duration LOOKBACK = Duration.ofSeconds(10);

  @SqlUpdate("INSERT INTO cache_invalidations (event_id) SELECT unnest(:ids)")
  void publish(@Bind("ids") UUID[] eventIds);

  default void publish(Collection<UUID> eventIds) {
    publish(eventIds.toArray(UUID[]::new));
  }

  /** Invalidations published within the {@link #LOOKBACK}, oldest first. */
  @SqlQuery(
      "SELECT id, event_id FROM cache_invalidations"
          + " WHERE created_at > now() - make_interval(secs => :seconds) ORDER BY id")
  @RegisterConstructorMapper(Published.class)
  List<Published> recent(@Bind("seconds") double lookbackSeconds);

  default List<Published> recent() {
    return recent(LOOKBACK.toMillis() / 1000.0);
  }

  @SqlUpdate("DELETE FROM cache_invalidations WHERE created_at < now() - interval '1 minute'")
  int purgeOld();

  /** One published invalidation. */
  record Published(long id, UUID eventId) {}
}
