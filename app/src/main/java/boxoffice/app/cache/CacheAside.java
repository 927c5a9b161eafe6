package boxoffice.app.cache;

import boxoffice.app.data.AfterCommit;
import boxoffice.app.service.EventView;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What the caching repositories share: reads of an event through the {@link EventCache} outside
 * transactions (inside one they could cache uncommitted rows), and invalidations that run once the
 * writing transaction has committed.
 */
record CacheAside(EventCache cache, AfterCommit afterCommit) {
  @Inject
  CacheAside {}

  boolean inTransaction() {
    return afterCommit.inTransaction();
  }

  /** The event through the cache, or straight from {@code database} inside a transaction. */
  Optional<EventView> read(UUID eventId, Supplier<Optional<EventView>> database) {
    return inTransaction() ? database.get() : cache.getOrLoad(eventId, database);
  }

  /** Drops the cached event once the current transaction has committed (at once outside one). */
  void invalidate(UUID eventId) {
    afterCommit(() -> cache.invalidate(eventId));
  }

  /** Runs {@code action} once the current transaction has committed (at once outside one). */
  void afterCommit(Runnable action) {
    afterCommit.run(action);
  }
}
