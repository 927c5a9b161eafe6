package boxoffice.app.service;

import boxoffice.app.domain.Event;
import boxoffice.app.domain.EventDetails;
import boxoffice.app.domain.EventStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: where events live. */
public interface EventRepository {
  Event insert(UUID id, EventDetails details, EventStatus status, Instant now);

  Optional<Event> findById(UUID id);

  /** Reads and locks the event row until the transaction ends. */
  Optional<Event> findByIdForUpdate(UUID id);

  Optional<EventView> findView(UUID id);

  /**
   * The event as this instance last read it, to book from: its seat counts may be old, and after an
   * edit elsewhere even its version, so only a statement that checks the version may rely on it.
   */
  Optional<Event> findForBooking(UUID id);

  /** Writes new details and bumps the version. */
  Event update(UUID id, EventDetails details, Instant now);

  /**
   * Moves the status if it is still {@code from} (and, when moving to DRAFT, no seat is booked).
   * Returns the event as changed, or empty when the row no longer matched.
   */
  Optional<Event> changeStatus(UUID id, EventStatus from, EventStatus to, Instant now);

  /** Deletes the event unless a seat is booked; false when it was not deleted. */
  boolean deleteUnbooked(UUID id);

  /** Up to {@code limit} events matching the query after {@code after}. */
  List<Event> search(EventQuery query, Optional<EventKey> after, int limit);
}
