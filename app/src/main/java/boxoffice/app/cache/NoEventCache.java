package boxoffice.app.cache;

import boxoffice.app.service.EventView;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/** {@code cache.type = none}: every read goes to PostgreSQL. */
final class NoEventCache implements EventCache {
  private final LongAdder misses = new LongAdder();

  @Override
  public Optional<EventView> getOrLoad(UUID id, Supplier<Optional<EventView>> loader) {
    misses.increment();
    return loader.get();
  }

  @Override
  public void invalidate(UUID id) {}

  @Override
  public Stats stats() {
    return new Stats(0, misses.sum(), 0, 0);
  }
}
