package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoryEventCacheIT extends EventCacheContract {
  @Override
  Map<String, String> cacheSettings() {
    return Map.of("CACHE_TYPE", "memory", "CACHE_MAX_ENTRIES", "3");
  }

  @Test
  void theCacheNeverHoldsMoreThanItsBound() {
    for (int i = 0; i < 6; i++) {
      read(app, fixtures.publishedEvent("Bounded " + i, 10));
    }

    assertThat(stats(app).evictions()).isGreaterThanOrEqualTo(3);
  }
}
