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
  // Reads by id run on the connection directly: every event page and every booking needs one.
  private static final NamedSql BY_ID = NamedSql.parse(EventDao.BY_ID);
  private static final NamedSql VIEW = NamedSql.parse(EventDao.VIEW);
  private static final EventDao.EventMapper EVENTS = new EventDao.EventMapper();
  private static final EventDao.EventViewMapper VIEWS = new EventDao.EventViewMapper();

  private final EventDao dao;
  private final DirectStatements statements;

  @Inject
  JdbiEventRepository(EventDao dao, DirectStatements statements) {
    this.dao = dao;
    this.statements = statements;
  }

  @Override
  public Event insert(UUID id, EventDetails d, EventStatus status, Instant now) {
    return dao.insert(id, d, status.name(), now);
  }

  @Override
  public Optional<Event> findById(UUID id) {
    return statements.queryOptional(BY_ID, p -> p.set("id", id), row -> EVENTS.map(row, null));
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
    return statements.queryOptional(VIEW, p -> p.set("id", id), row -> VIEWS.map(row, null));
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
