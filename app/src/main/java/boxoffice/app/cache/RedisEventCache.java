package boxoffice.app.cache;

import boxoffice.app.service.EventView;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * {@code cache.type = redis}: one cache shared by every app instance, so an invalidation reaches
 * them all. Redis being down or slow never fails a request: calls are bounded by a short timeout,
 * the first failure switches to the database (logged once per outage), a background probe
 * reconnects, and invalidations missed during the outage are replayed on recovery.
 *
 * <p>An instance that cannot reach Redis cannot evict what the others read, so it also publishes
 * each missed invalidation to the {@link InvalidationFeed}; every instance applies what the feed
 * publishes every {@link #FEED_INTERVAL}. A write on an instance cut off from Redis is therefore
 * seen by every other instance within about that interval, instead of the entry's TTL.
 */
final class RedisEventCache implements EventCache, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RedisEventCache.class);
  static final String KEY_PREFIX = "boxoffice:event:";
  private static final byte[] TOMBSTONE = {0};
  private static final int MAX_REMEMBERED_INVALIDATIONS = 100_000;
  static final Duration FEED_INTERVAL = Duration.ofMillis(250);
  private static final int FEED_PURGE_EVERY = 240;

  private final RedisClient redis;
  private final Tracer tracer;
  private final RedisReadBatcher reads;
  private final SetParams fillParams;
  private final SetParams tombstoneParams;
  private final ScheduledExecutorService probe;
  private final AtomicBoolean available = new AtomicBoolean(true);
  private final Set<UUID> missedInvalidations = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean missedTooMany = new AtomicBoolean();

  /** The entry decoded last, with its view (see decode). */
  private volatile Decoded lastDecoded;

  private final InvalidationFeed feed;
  private final Set<UUID> unpublished = ConcurrentHashMap.newKeySet();
  // Only touched by the probe thread.
  private Set<Long> appliedFromFeed = Set.of();
  private long feedPolls;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder fallbacks = new LongAdder();

  /**
   * @param timeout bound of one Redis call
   * @param ttl lifetime of a cached event
   * @param tombstoneTtl how long an invalidated event refuses fills: longer than any read of the
   *     database can take, so a reader holding pre-commit data cannot put it back
   */
  RedisEventCache(
      RedisClient redis,
      Duration timeout,
      Duration ttl,
      Duration tombstoneTtl,
      ScheduledExecutorService probe,
      InvalidationFeed feed,
      OpenTelemetry openTelemetry) {
    this.redis = redis;
    this.feed = feed;
    this.tracer = openTelemetry.getTracer("boxoffice.redis");
    // A reader may wait for the round trip under way, then for its own.
    this.reads = new RedisReadBatcher(this::fetch, timeout.multipliedBy(3));
    this.fillParams = SetParams.setParams().nx().px(ttl.toMillis());
    this.tombstoneParams = SetParams.setParams().px(tombstoneTtl.toMillis());
    this.probe = probe;
    probe.scheduleWithFixedDelay(this::reconnectIfDown, 1, 1, TimeUnit.SECONDS);
    long feedMillis = FEED_INTERVAL.toMillis();
    probe.scheduleWithFixedDelay(this::followFeed, feedMillis, feedMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public Optional<EventView> getOrLoad(UUID id, Supplier<Optional<EventView>> loader) {
    byte[] key = key(id);
    Optional<byte[]> cached = call("GET", () -> Optional.ofNullable(reads.get(key)));
    if (cached == null) {
      fallbacks.increment();
      return loader.get();
    }
    if (cached.isPresent()) {
      Optional<EventView> view = decode(cached.get());
      if (view.isPresent()) {
        hits.increment();
        return view;
      }
      misses.increment();
      if (Arrays.equals(cached.get(), TOMBSTONE)) {
        return loader.get(); // recently changed: the fill would be refused anyway
      }
    } else {
      misses.increment();
    }
    Optional<EventView> loaded = loader.get();
    loaded.ifPresent(
        view -> call("SET", () -> redis.set(key, EventViewCodec.encode(view), fillParams)));
    return loaded;
  }

  /**
   * Decodes an entry, once for all the readers of a round trip: they are handed the same array, and
   * a view is immutable.
   */
  private Optional<EventView> decode(byte[] entry) {
    Decoded last = lastDecoded;
    if (last != null && last.entry() == entry) {
      return last.view();
    }
    Optional<EventView> view = EventViewCodec.decode(entry);
    lastDecoded = new Decoded(entry, view);
    return view;
  }

  private record Decoded(byte[] entry, Optional<EventView> view) {}

  @Override
  public void invalidate(UUID id) {
    if (!tombstone(id)) {
      rememberMissed(id);
      publish(id);
    }
  }

  /** Evicts the event and refuses fills for a while; false when Redis could not be reached. */
  private boolean tombstone(UUID id) {
    return call("SET", () -> redis.set(key(id), TOMBSTONE, tombstoneParams)) != null;
  }

  /** Hands the invalidation to the instances that can reach Redis; retried if this fails. */
  private void publish(UUID id) {
    try {
      feed.publish(List.of(id));
    } catch (RuntimeException e) {
      unpublished.add(id);
    }
  }

  /**
   * Applies what other instances (or this one) published and could not deliver themselves, and
   * publishes what this instance could not publish before. Each row is applied once: rows stay in
   * the feed's look-back window for a while and are recognised by their id.
   */
  private void followFeed() {
    try {
      if (!unpublished.isEmpty()) {
        Set<UUID> batch = Set.copyOf(unpublished);
        feed.publish(batch);
        unpublished.removeAll(batch);
      }
      Set<Long> seen = new HashSet<>();
      for (InvalidationFeed.Published published : feed.recent()) {
        seen.add(published.id());
        if (!appliedFromFeed.contains(published.id()) && !tombstone(published.eventId())) {
          rememberMissed(published.eventId()); // replayed once Redis is reachable again
        }
      }
      appliedFromFeed = seen;
      if (++feedPolls % FEED_PURGE_EVERY == 0) {
        feed.purgeOld();
      }
    } catch (RuntimeException e) {
      // PostgreSQL unreachable: the next round tries again. Nothing may escape, or the scheduler
      // would silently stop following the feed.
      LOG.debug("invalidation feed unavailable: {}", e.getMessage());
    }
  }

  @Override
  public Stats stats() {
    return new Stats(hits.sum(), misses.sum(), 0, fallbacks.sum());
  }

  boolean isAvailable() {
    return available.get();
  }

  /**
   * Runs a Redis call in a client span of the current trace; null when Redis is unavailable (then
   * the caller falls back).
   */
  private <T> T call(String operation, Supplier<T> command) {
    if (!available.get()) {
      return null;
    }
    Span span =
        tracer
            .spanBuilder(operation)
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute("db.system", "redis")
            .setAttribute("db.operation", operation)
            .startSpan();
    try {
      return command.get();
    } catch (JedisException e) {
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      if (e.getCause() instanceof NoSuchElementException) {
        return null; // every pooled connection is busy: this read falls back, Redis itself is fine
      }
      if (available.compareAndSet(true, false)) {
        LOG.warn(
            "Redis unavailable, serving events from PostgreSQL until it is back: {}",
            e.getMessage());
      }
      return null;
    } finally {
      span.end();
    }
  }

  private void rememberMissed(UUID id) {
    if (missedInvalidations.size() < MAX_REMEMBERED_INVALIDATIONS) {
      missedInvalidations.add(id);
    } else {
      missedTooMany.set(true);
    }
  }

  private void reconnectIfDown() {
    if (available.get()) {
      return;
    }
    try {
      // Connections idle in the pool died with the outage; drop them instead of trying each.
      redis.getPool().clear();
      redis.ping();
      replayMissedInvalidations(redis);
      available.set(true);
      LOG.info("Redis is reachable again; event cache back in use");
    } catch (RuntimeException e) {
      // Still down (or failing in a way we did not foresee): the next probe tries again. Nothing
      // may escape, or the scheduler would silently stop probing.
      LOG.debug("Redis still unavailable: {}", e.getMessage());
    }
  }

  /** Entries changed while Redis was unreachable are removed before anyone may read them. */
  private void replayMissedInvalidations(RedisClient jedis) {
    if (missedTooMany.getAndSet(false)) {
      String cursor = ScanParams.SCAN_POINTER_START;
      ScanParams match = new ScanParams().match(KEY_PREFIX + "*").count(1000);
      do {
        ScanResult<String> page = jedis.scan(cursor, match);
        if (!page.getResult().isEmpty()) {
          jedis.unlink(page.getResult().toArray(String[]::new));
        }
        cursor = page.getCursor();
      } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
      missedInvalidations.clear();
      return;
    }
    for (UUID id : Set.copyOf(missedInvalidations)) {
      jedis.set(key(id), TOMBSTONE, tombstoneParams);
      missedInvalidations.remove(id);
    }
  }

  private List<byte[]> fetch(List<byte[]> keys) {
    return keys.size() == 1
        ? Collections.singletonList(redis.get(keys.getFirst()))
        : redis.mget(keys.toArray(byte[][]::new));
  }

  /** The format version is part of the key, so a release with another format never reads it. */
  private static byte[] key(UUID id) {
    return (KEY_PREFIX + "v" + EventViewCodec.FORMAT + ":" + id).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    probe.shutdownNow();
    redis.close();
  }
}
