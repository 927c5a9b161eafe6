package boxoffice.app.service;

import boxoffice.app.domain.ConflictException;
import boxoffice.app.domain.Event;
import boxoffice.app.domain.EventDetails;
import boxoffice.app.domain.EventStatus;
import boxoffice.app.domain.NotFoundException;
import boxoffice.app.domain.PreconditionFailedException;
import boxoffice.app.domain.Principal;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Events: every change and its outbox record commit in one transaction. */
public final class EventCatalog implements EventService {
  private static final List<String> HOLDER_VISIBLE_FIELDS = List.of("startsAt", "endsAt", "venue");

  private final Transactions transactions;
  private final EventRepository events;
  private final BookingRepository bookings;
  private final Outbox outbox;
  private final Clock clock;
  private final BusinessMetrics metrics;

  @Inject
  public EventCatalog(
      Transactions transactions,
      EventRepository events,
      BookingRepository bookings,
      Outbox outbox,
      Clock clock,
      BusinessMetrics metrics) {
    this.metrics = metrics;
    this.transactions = transactions;
    this.events = events;
    this.bookings = bookings;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Override
  public Event create(Principal admin, CreateEventCommand command) {
    Admins.require(admin);
    return transactions.inTransaction(
        () -> {
          Event event =
              events.insert(
                  UUID.randomUUID(), command.details(), command.status(), clock.instant());
          outbox.record(
              OutboxMessage.of(
                  ChangeType.EVENT_CREATED,
                  event.id(),
                  Optional.of(admin.userId()),
                  snapshot(event)));
          return event;
        });
  }

  @Override
  public EventView get(Optional<Principal> caller, UUID id) {
    boolean admin = caller.map(Principal::isAdmin).orElse(false);
    return events
        .findView(id)
        .filter(view -> view.event().isVisibleTo(admin))
        .orElseThrow(EventCatalog::notFound);
  }

  @Override
  public Event update(
      Principal admin, UUID id, EventPatch patch, Optional<Integer> expectedVersion) {
    Admins.require(admin);
    return transactions.inTransaction(
        () -> {
          Event event = events.findByIdForUpdate(id).orElseThrow(EventCatalog::notFound);
          requireVersion(event, expectedVersion);
          if (event.status().isFinal()) {
            throw new ConflictException("A " + event.status() + " event can no longer be edited");
          }
          EventDetails before = EventDetails.of(event);
          EventDetails after = patch.applyTo(event);
          if (after.capacity() < event.seatsBooked()) {
            throw new ConflictException(
                "Capacity cannot go below the " + event.seatsBooked() + " seats already booked");
          }
          Map<String, Object> changes = EventPatch.changes(before, after);
          if (changes.isEmpty()) {
            return event;
          }
          Event updated = events.update(id, after, clock.instant());
          Map<String, Object> payload = new LinkedHashMap<>();
          payload.put("changes", changes);
          payload.put("status", updated.status().name());
          payload.put("title", updated.title());
          payload.put(
              "notifyHolders",
              updated.status() == EventStatus.PUBLISHED
                  && HOLDER_VISIBLE_FIELDS.stream().anyMatch(changes::containsKey));
          outbox.record(
              OutboxMessage.of(ChangeType.EVENT_UPDATED, id, Optional.of(admin.userId()), payload));
          return updated;
        });
  }

  @Override
  public Event changeStatus(
      Principal admin, UUID id, EventStatus target, Optional<Integer> expectedVersion) {
    Admins.require(admin);
    StatusChange change =
        transactions.inTransaction(() -> move(admin, id, target, expectedVersion));
    if (change.cancelledBookings() > 0) {
      metrics.bookingsCancelled("event_cancelled", change.cancelledBookings());
    }
    return change.event();
  }

  /** An event after a status change, and how many bookings the change cancelled. */
  private record StatusChange(Event event, int cancelledBookings) {}

  private StatusChange move(
      Principal admin, UUID id, EventStatus target, Optional<Integer> expectedVersion) {
    Event event = events.findByIdForUpdate(id).orElseThrow(EventCatalog::notFound);
    requireVersion(event, expectedVersion);
    if (event.status() == target) {
      return new StatusChange(event, 0); // PUT is idempotent: the current status changes nothing
    }
    Instant now = clock.instant();
    event.checkMoveTo(target, now);
    Event changed =
        events
            .changeStatus(id, event.status(), target, now)
            .orElseThrow(() -> new ConflictException("The event changed meanwhile; retry"));
    int cancelledBookings = 0;
    if (target == EventStatus.CANCELLED) {
      cancelledBookings = bookings.cancelAllOfEvent(id, admin.userId(), now);
      changed = events.findById(id).orElseThrow(); // seats were freed by the cancellations
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("from", event.status().name());
    payload.put("to", target.name());
    payload.put("title", event.title());
    payload.put("startsAt", event.startsAt().toString());
    payload.put("venue", event.venue());
    payload.put("cancelledBookings", cancelledBookings);
    outbox.record(
        OutboxMessage.of(
            ChangeType.EVENT_STATUS_CHANGED, id, Optional.of(admin.userId()), payload));
    return new StatusChange(changed, cancelledBookings);
  }

  @Override
  public void delete(Principal admin, UUID id, Optional<Integer> expectedVersion) {
    Admins.require(admin);
    transactions.run(
        () -> {
          Event event = events.findByIdForUpdate(id).orElseThrow(EventCatalog::notFound);
          requireVersion(event, expectedVersion);
          if (event.seatsBooked() > 0 || !events.deleteUnbooked(id)) {
            throw new ConflictException(
                "The event has confirmed bookings; cancel the event instead of deleting it");
          }
          outbox.record(
              OutboxMessage.of(
                  ChangeType.EVENT_DELETED, id, Optional.of(admin.userId()), snapshot(event)));
        });
  }

  @Override
  public Page<Event> search(
      Optional<Principal> caller, EventQuery query, PageRequest<EventKey> page) {
    boolean admin = caller.map(Principal::isAdmin).orElse(false);
    if (!admin && query.status().filter(s -> !s.isPublic()).isPresent()) {
      return new Page<>(List.of(), false);
    }
    EventQuery visible =
        new EventQuery(
            query.words(),
            query.status(),
            query.from(),
            query.to(),
            query.venue(),
            query.sort(),
            admin);
    return Page.fromOverfetch(events.search(visible, page.after(), page.limit() + 1), page.limit());
  }

  private static Map<String, Object> snapshot(Event event) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("title", event.title());
    payload.put("venue", event.venue());
    payload.put("startsAt", event.startsAt().toString());
    payload.put("endsAt", event.endsAt().toString());
    payload.put("capacity", event.capacity());
    payload.put("status", event.status().name());
    return payload;
  }

  /** A write with If-Match applies only to the version the client last saw. */
  private static void requireVersion(Event event, Optional<Integer> expectedVersion) {
    if (expectedVersion.isPresent() && expectedVersion.get() != event.version()) {
      throw new PreconditionFailedException(
          "The event has changed (version "
              + event.version()
              + "); reload it and apply your change again");
    }
  }

  private static NotFoundException notFound() {
    return new NotFoundException("No such event");
  }
}
