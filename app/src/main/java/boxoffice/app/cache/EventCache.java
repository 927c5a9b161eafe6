package boxoffice.app.cache;

import boxoffice.app.service.EventView;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** A cache of event views by id, read through {@link #getOrLoad}. */
public interface EventCache extends AutoCloseable {
  /** The cached view, or {@code loader}'s answer, which is then cached if still current. */
  Optional<EventView> getOrLoad(UUID id, Supplier<Optional<EventView>> loader);

  /** Forgets the event; call after the change that made it stale has committed. */
  void invalidate(UUID id);

  Stats stats();

  /** Releases connections or threads the cache holds. */
  @Override
  default void close() {}

  /** Counters since start-up; {@code fallbacks} counts reads served without a reachable cache. */
  record Stats(long hits, long misses, long evictions, long fallbacks) {}
}
