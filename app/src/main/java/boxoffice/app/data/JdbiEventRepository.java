package boxoffice.app.data;

import boxoffice.app.domain.Event;
import boxoffice.app.domain.EventDetails;
import boxoffice.app.domain.EventStatus;
import boxoffice.app.service.EventKey;
import boxoffice.app.service.EventQuery;
import boxoffice.app.service.EventRepository;
import boxoffice.app.service.EventView;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Events in PostgreSQL. */
final class JdbiEventRepository implements EventRepository {
  private final EventDao dao;

  @Inject
  JdbiEventRepository(EventDao dao) {
    this.dao = dao;
  }

  @Override
  public Event insert(UUID id, EventDetails d, EventStatus status, Instant now) {
    return dao.insert(id, d, status.name(), now);
  }

  @Override
  public Optional<Event> findById(UUID id) {
    return dao.findById(id);
  }

  @Override
  public Optional<Event> findByIdForUpdate(UUID id) {
    return dao.findByIdForUpdate(id);
  }

  @Override
  public Optional<Event> findForBooking(UUID id) {
    return findById(id);
  }

  @Override
  public Optional<EventView> findView(UUID id) {
    return dao.findView(id);
  }

  @Override
  public Event update(UUID id, EventDetails d, Instant now) {
    return dao.update(id, d, now);
  }

  @Override
  public Optional<Event> changeStatus(UUID id, EventStatus from, EventStatus to, Instant now) {
    return dao.changeStatus(id, from.name(), to.name(), now);
  }

  @Override
  public boolean deleteUnbooked(UUID id) {
    return dao.deleteUnbooked(id) == 1;
  }

  @Override
  public List<Event> search(EventQuery query, Optional<EventKey> after, int limit) {
    return dao.search(query, after, limit);
  }
}
