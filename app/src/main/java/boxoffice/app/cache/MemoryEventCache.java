package boxoffice.app.cache;

import boxoffice.app.service.EventView;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** {@code cache.type = memory}: an LRU per app instance. */
final class MemoryEventCache implements EventCache {
  private final LruCache<UUID, EventView> cache;

  /**
   * Counts invalidations. A reader that saw it change while it was loading from the database may
   * hold a value from before a commit, so it does not fill the cache with it.
   */
  private final AtomicLong invalidations = new AtomicLong();

  MemoryEventCache(LruCache<UUID, EventView> cache) {
    this.cache = cache;
  }

  @Override
  public Optional<EventView> getOrLoad(UUID id, Supplier<Optional<EventView>> loader) {
    Optional<EventView> cached = cache.get(id);
    if (cached.isPresent()) {
      return cached;
    }
    long before = invalidations.get();
    Optional<EventView> loaded = loader.get();
    if (loaded.isPresent() && invalidations.get() == before) {
      cache.put(id, loaded.get());
    }
    return loaded;
  }

  @Override
  public void invalidate(UUID id) {
    invalidations.incrementAndGet();
    cache.invalidate(id);
  }

  @Override
  public Stats stats() {
    LruCache.Stats stats = cache.stats();
    return new Stats(stats.hits(), stats.misses(), stats.evictions(), 0);
  }
}
