package boxoffice.app.cache;

import boxoffice.app.domain.Event;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Events as this instance last read them, for bookings: a booking needs the event's title, venue,
 * start and version for its message, not its current seat count, and the booking statement books
 * only while the event still has that version. So an entry is never invalidated by a seat change
 * (every booking would otherwise read the event again), and an entry that is stale after an edit on
 * another instance costs one refused statement, whose fresh read replaces it.
 */
final class RecentEvents {
  /** Long enough to serve an on-sale rush from memory; a stale entry is never wrong, only slow. */
  static final Duration TTL = Duration.ofMinutes(10);

  private final LruCache<UUID, Event> events;

  RecentEvents(int maxEntries, Clock clock) {
    this.events = new LruCache<>(maxEntries, TTL, clock);
  }

  Optional<Event> getOrLoad(UUID id, Supplier<Optional<Event>> database) {
    Optional<Event> known = events.get(id);
    if (known.isPresent()) {
      return known;
    }
    Optional<Event> loaded = database.get();
    loaded.ifPresent(this::remember);
    return loaded;
  }

  /** Keeps {@code event} unless a newer version is known already. */
  void remember(Event event) {
    Optional<Event> known = events.get(event.id());
    if (known.isEmpty() || known.get().version() <= event.version()) {
      events.put(event.id(), event);
    }
  }

  void forget(UUID id) {
    events.invalidate(id);
  }
}
