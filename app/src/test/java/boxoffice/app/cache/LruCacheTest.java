package boxoffice.app.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import boxoffice.app.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LruCacheTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));

  @Test
  void theLeastRecentlyUsedEntryIsEvictedFirst() {
    LruCache<String, Integer> cache = new LruCache<>(3, Duration.ZERO, clock);
    cache.put("a", 1);
    cache.put("b", 2);
    cache.put("c", 3);
    cache.get("a"); // a is now the most recently used; b is the eldest

    cache.put("d", 4);

    assertThat(cache.get("b")).isEmpty();
    assertThat(cache.get("a")).contains(1);
    assertThat(cache.get("c")).contains(3);
    assertThat(cache.get("d")).contains(4);
    assertThat(cache.size()).isEqualTo(3);
    assertThat(cache.stats().evictions()).isEqualTo(1);
  }

  @Test
  void insertionOrderDecidesWhenNothingWasRead() {
    LruCache<String, Integer> cache = new LruCache<>(2, Duration.ZERO, clock);
    cache.put("a", 1);
    cache.put("b", 2);
    cache.put("c", 3);
    cache.put("d", 4);

    assertThat(cache.get("a")).isEmpty();
    assertThat(cache.get("b")).isEmpty();
    assertThat(cache.get("c")).contains(3);
    assertThat(cache.stats().evictions()).isEqualTo(2);
  }

  @Test
  void replacingAValueDoesNotEvict() {
    LruCache<String, Integer> cache = new LruCache<>(2, Duration.ZERO, clock);
    cache.put("a", 1);
    cache.put("b", 2);
    cache.put("a", 10);

    assertThat(cache.get("a")).contains(10);
    assertThat(cache.get("b")).contains(2);
    assertThat(cache.stats().evictions()).isZero();
  }

  @Test
  void entriesExpireAfterTheirTimeToLive() {
    LruCache<String, Integer> cache = new LruCache<>(10, Duration.ofSeconds(30), clock);
    cache.put("a", 1);

    clock.advance(Duration.ofSeconds(29));
    assertThat(cache.get("a")).contains(1);
    clock.advance(Duration.ofSeconds(1));
    assertThat(cache.get("a")).isEmpty();
    assertThat(cache.size()).isZero();
  }

  @Test
  void aZeroTimeToLiveMeansEntriesNeverExpire() {
    LruCache<String, Integer> cache = new LruCache<>(10, Duration.ZERO, clock);
    cache.put("a", 1);

    clock.advance(Duration.ofDays(3650));

    assertThat(cache.get("a")).contains(1);
  }

  @Test
  void rewritingAnEntryRestartsItsTimeToLive() {
    LruCache<String, Integer> cache = new LruCache<>(10, Duration.ofSeconds(30), clock);
    cache.put("a", 1);
    clock.advance(Duration.ofSeconds(20));
    cache.put("a", 2);
    clock.advance(Duration.ofSeconds(20));

    assertThat(cache.get("a")).contains(2);
  }

  @Test
  void hitsMissesAndInvalidationsAreCounted() {
    LruCache<String, Integer> cache = new LruCache<>(10, Duration.ZERO, clock);
    cache.get("a");
    cache.put("a", 1);
    cache.get("a");
    cache.get("a");
    cache.invalidate("a");
    cache.get("a");

    assertThat(cache.stats()).isEqualTo(new LruCache.Stats(2, 2, 0, 0));
  }

  @Test
  void nonsenseBoundsAreRefused() {
    assertThatThrownBy(() -> new LruCache<String, Integer>(0, Duration.ZERO, clock))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LruCache<String, Integer>(1, Duration.ofSeconds(-1), clock))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void concurrentReadersAndWritersKeepEveryInvariant() throws Exception {
    int bound = 64;
    int threads = 12;
    int operations = 20_000;
    LruCache<Integer, Integer> cache = new LruCache<>(bound, Duration.ZERO, clock);
    CountDownLatch go = new CountDownLatch(1);
    AtomicInteger wrongValues = new AtomicInteger();
    AtomicInteger oversized = new AtomicInteger();
    List<Future<Integer>> reads = new ArrayList<>();

    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      for (int t = 0; t < threads; t++) {
        reads.add(
            pool.submit(
                () -> {
                  go.await();
                  int gets = 0;
                  ThreadLocalRandom random = ThreadLocalRandom.current();
                  for (int i = 0; i < operations; i++) {
                    int key = random.nextInt(256);
                    switch (random.nextInt(4)) {
                      case 0 -> cache.put(key, key * 7);
                      case 1 -> cache.invalidate(key);
                      default -> {
                        gets++;
                        cache
                            .get(key)
                            .filter(v -> v != key * 7)
                            .ifPresent(v -> wrongValues.incrementAndGet());
                      }
                    }
                    if (cache.size() > bound) {
                      oversized.incrementAndGet();
                    }
                  }
                  return gets;
                }));
      }
      go.countDown();
    }

    long gets = 0;
    for (Future<Integer> read : reads) {
      gets += read.get();
    }
    LruCache.Stats stats = cache.stats();
    assertThat(wrongValues).hasValue(0);
    assertThat(oversized).hasValue(0);
    assertThat(stats.size()).isLessThanOrEqualTo(bound);
    assertThat(stats.hits() + stats.misses()).isEqualTo(gets);
    assertThat(stats.evictions()).isPositive();
  }
}
