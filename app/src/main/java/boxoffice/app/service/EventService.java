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

  /** Moves the event to {@code target}; {@code expectedVersion} (from If-Match) as for update. */
  Event changeStatus(
      Principal admin, UUID id, EventStatus target, Optional<Integer> expectedVersion);

  /** Deletes an event without bookings; {@code expectedVersion} (from If-Match) as for update. */
  void delete(Principal admin, UUID id, Optional<Integer> expectedVersion);

  Page<Event> search(Optional<Principal> caller, EventQuery query, PageRequest<EventKey> page);
}
