package boxoffice.app.cache;

import boxoffice.app.data.DataModule;
import boxoffice.app.domain.Event;
import boxoffice.app.domain.EventDetails;
import boxoffice.app.domain.EventStatus;
import boxoffice.app.service.EventKey;
import boxoffice.app.service.EventQuery;
import boxoffice.app.service.EventRepository;
import boxoffice.app.service.EventView;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Cache-aside in front of the events table: reads by id go through the {@link EventCache}; every
 * write invalidates the event once its transaction has committed. Reads inside a transaction bypass
 * the cache, so uncommitted rows never reach it.
 */
record CachingEventRepository(
    @Named(DataModule.DATABASE) EventRepository database,
    CacheAside cacheAside,
    RecentEvents recentEvents)
    implements EventRepository {
  @Inject
  CachingEventRepository {}

  @Override
  public Optional<EventView> findView(UUID id) {
    return cacheAside.read(id, () -> database.findView(id));
  }

  @Override
  public Optional<Event> findForBooking(UUID id) {
    if (cacheAside.inTransaction()) {
      return database.findForBooking(id);
    }
    return recentEvents.getOrLoad(id, () -> database.findForBooking(id));
  }

  @Override
  public Optional<Event> findById(UUID id) {
    if (cacheAside.inTransaction()) {
      return database.findById(id);
    }
    return findView(id).map(EventView::event);
  }

  @Override
  public Optional<Event> findByIdForUpdate(UUID id) {
    return database.findByIdForUpdate(id);
  }

  @Override
  public Event insert(UUID id, EventDetails details, EventStatus status, Instant now) {
    return database.insert(id, details, status, now);
  }

  @Override
  public Event update(UUID id, EventDetails details, Instant now) {
    Event updated = database.update(id, details, now);
    invalidate(id);
    return updated;
  }

  @Override
  public Optional<Event> changeStatus(UUID id, EventStatus from, EventStatus to, Instant now) {
    Optional<Event> changed = database.changeStatus(id, from, to, now);
    invalidate(id);
    return changed;
  }

  @Override
  public boolean deleteUnbooked(UUID id) {
    boolean deleted = database.deleteUnbooked(id);
    invalidate(id);
    return deleted;
  }

  private void invalidate(UUID id) {
    cacheAside.invalidate(id);
    cacheAside.afterCommit(() -> recentEvents.forget(id));
  }

  // Search results are not cached: filter combinations are unbounded and every booking would
  // have to invalidate every page listing the event.
  @Override
  public List<Event> search(EventQuery query, Optional<EventKey> after, int limit) {
    return database.search(query, after, limit);
  }
}
