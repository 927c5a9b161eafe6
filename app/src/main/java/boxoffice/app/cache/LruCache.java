package boxoffice.app.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded least-recently-used cache on {@link LinkedHashMap} in access order: reading an entry
 * makes it the youngest, and inserting beyond {@code maxEntries} evicts the eldest. Entries may
 * expire after a time to live measured on an injected clock. Safe for concurrent use: access-order
 * reads reorder the map, so every operation holds one lock (each is a few pointer moves).
 */
public final class LruCache<K, V> {
  private final int maxEntries;
  private final Duration ttl;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder evictions = new LongAdder();
  private final LinkedHashMap<K, Slot<V>> entries;

  /**
   * @param ttl how long an entry is served; {@link Duration#ZERO} keeps entries until evicted
   */
  public LruCache(int maxEntries, Duration ttl, Clock clock) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1");
    }
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("ttl must not be negative");
    }
    this.maxEntries = maxEntries;
    this.ttl = ttl;
    this.clock = clock;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<K, Slot<V>> eldest) {
            boolean full = size() > LruCache.this.maxEntries;
            if (full) {
              evictions.increment();
            }
            return full;
          }
        };
  }

  public Optional<V> get(K key) {
    lock.lock();
    try {
      Slot<V> entry = entries.get(key);
      if (entry != null && entry.isExpiredAt(clock.instant())) {
        entries.remove(key);
        entry = null;
      }
      if (entry == null) {
        misses.increment();
        return Optional.empty();
      }
      hits.increment();
      return Optional.of(entry.value());
    } finally {
      lock.unlock();
    }
  }

  public void put(K key, V value) {
    Instant expiresAt = ttl.isZero() ? Instant.MAX : clock.instant().plus(ttl);
    lock.lock();
    try {
      entries.put(key, new Slot<>(value, expiresAt));
    } finally {
      lock.unlock();
    }
  }

  public void invalidate(K key) {
    lock.lock();
    try {
      entries.remove(key);
    } finally {
      lock.unlock();
    }
  }

  public int size() {
    lock.lock();
    try {
      return entries.size();
    } finally {
      lock.unlock();
    }
  }

  public Stats stats() {
    return new Stats(hits.sum(), misses.sum(), evictions.sum(), size());
  }

  /** Counters since the cache was made. */
  public record Stats(long hits, long misses, long evictions, int size) {}

  private record Slot<V>(V value, Instant expiresAt) {
    boolean isExpiredAt(Instant now) {
      return !now.isBefore(expiresAt);
    }
  }
}
