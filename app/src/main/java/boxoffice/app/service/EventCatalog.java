package boxoffice.app.service;

import boxoffice.app.domain.ConflictException;
import boxoffice.app.domain.Event;
import boxoffice.app.domain.EventDetails;
import boxoffice.app.domain.EventStatus;
import boxoffice.app.domain.NotFoundException;
import boxoffice.app.domain.PreconditionFailedException;
import boxoffice.app.domain.Principal;
import boxoffice.app.domain.ProblemCode;
import boxoffice.app.service.OutboxMessage.EventField;
import boxoffice.app.service.OutboxMessage.FieldChange;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Events: every change and its outbox record commit in one transaction. */
public final class EventCatalog implements EventService {
  private final Transactions transactions;
  private final EventRepository events;
  private final BookingRepository bookings;
  private final HoldRepository holds;
  private final WaitlistOffers waitlists;
  private final Outbox outbox;
  private final Clock clock;
  private final TicketRules rules;
  private final BusinessMetrics metrics;

  @Inject
  public EventCatalog(
      Transactions transactions,
      EventRepository events,
      BookingRepository bookings,
      HoldRepository holds,
      WaitlistOffers waitlists,
      Outbox outbox,
      Clock clock,
      BusinessMetrics metrics,
      TicketRules rules) {
    this.metrics = metrics;
    this.rules = rules;
    this.transactions = transactions;
    this.events = events;
    this.bookings = bookings;
    this.holds = holds;
    this.waitlists = waitlists;
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
                  UUID.randomUUID(),
                  command
                      .details()
                      .withDefaults(rules.defaultMaxTicketsPerUser(), rules.defaultTimeZone()),
                  command.status(),
                  clock.instant());
          outbox.record(OutboxMessage.EventCreated.of(event, admin.userId()));
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
          Instant now = clock.instant();
          Event event = lockedAndReclaimed(id, now);
          requireVersion(event, expectedVersion);
          if (event.status().isFinal()) {
            throw new ConflictException(
                ProblemCode.EVENT_FINAL, "A " + event.status() + " event can no longer be edited");
          }
          EventDetails before = EventDetails.of(event);
          EventDetails after = patch.applyTo(event);
          int taken = event.seatsBooked() + event.held().at(now);
          if (after.capacity() < taken) {
            throw new ConflictException(
                ProblemCode.CAPACITY_BELOW_BOOKED,
                "Capacity cannot go below the " + taken + " seats already booked or held");
          }
          Map<EventField, FieldChange> changes = EventPatch.changes(before, after);
          if (changes.isEmpty()) {
            return event;
          }
          Event updated = events.update(id, after, now);
          outbox.record(OutboxMessage.EventUpdated.of(updated, admin.userId(), changes));
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
    Instant now = clock.instant();
    Event event = lockedAndReclaimed(id, now);
    requireVersion(event, expectedVersion);
    if (event.status() == target) {
      return new StatusChange(event, 0); // PUT is idempotent: the current status changes nothing
    }
    event.checkMoveTo(target, now);
    Event changed =
        events
            .changeStatus(id, event.status(), target, now)
            .orElseThrow(
                () ->
                    new ConflictException(
                        ProblemCode.VERSION_MISMATCH, "The event changed meanwhile; retry"));
    int cancelledBookings = 0;
    if (target == EventStatus.CANCELLED) {
      holds.releaseAllOfEvent(id, admin.userId(), now);
      cancelledBookings = cancelAllBookings(changed, admin.userId(), now);
      changed = events.findById(id).orElseThrow(); // seats were freed by the cancellations
    }
    if (target == EventStatus.CANCELLED || target == EventStatus.COMPLETED) {
      waitlists.close(changed, admin.userId(), now); // the line ends, with a message each
    }
    outbox.record(
        OutboxMessage.EventStatusChanged.of(event, target, admin.userId(), cancelledBookings));
    return new StatusChange(changed, cancelledBookings);
  }

  /**
   * Cancels every confirmed booking of the cancelled (and locked) event, one message each. The
   * event no longer takes bookings, so the bookings locked here are all there are to cancel.
   */
  private int cancelAllBookings(Event cancelled, UUID adminId, Instant now) {
    List<OutboxMessage.BookingCancelled> cancellations =
        bookings.lockConfirmedOfEvent(cancelled.id()).stream()
            .map(b -> OutboxMessage.BookingCancelled.withEvent(b, adminId, cancelled))
            .toList();
    return cancellations.isEmpty()
        ? 0
        : bookings.cancelAllOfEvent(cancelled.id(), cancellations, now);
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
                ProblemCode.EVENT_HAS_BOOKINGS,
                "The event has confirmed bookings; cancel the event instead of deleting it");
          }
          outbox.record(OutboxMessage.EventDeleted.of(event, admin.userId()));
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

  /**
   * The event row, locked, with its lapsed holds reclaimed first: what a change is decided on (the
   * counters then hold only holds that still count).
   */
  private Event lockedAndReclaimed(UUID id, Instant now) {
    Event event = events.findByIdForUpdate(id).orElseThrow(EventCatalog::notFound);
    if (holds.reclaimLapsed(id, now) == 0) {
      return event;
    }
    return events.findByIdForUpdate(id).orElseThrow(EventCatalog::notFound);
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
