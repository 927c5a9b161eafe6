package boxoffice.app.service;

import boxoffice.app.domain.Event;
import boxoffice.app.domain.EventStatus;
import boxoffice.app.domain.Principal;
import java.util.Optional;
import java.util.UUID;

/** Event management for administrators and event discovery for everyone. */
public interface EventService {
  Event create(Principal admin, CreateEventCommand command);

  /** One event; drafts are invisible (404) to anyone but administrators. */
  EventView get(Optional<Principal> caller, UUID id);

  /** Applies a partial update; {@code expectedVersion} (from If-Match) must be current if given. */
  Event update(Principal admin, UUID id, EventPatch patch, Optional<Integer> expectedVersion);

  Event changeStatus(Principal admin, UUID id, EventStatus target);

  void delete(Principal admin, UUID id);

  Page<Event> search(Optional<Principal> caller, EventQuery query, PageRequest<EventKey> page);
}
