package boxoffice.app.service;

import boxoffice.app.domain.ConflictException;
import boxoffice.app.domain.Event;
import boxoffice.app.domain.EventStatus;
import boxoffice.app.domain.LimitReachedException;
import boxoffice.app.domain.NotFoundException;
import boxoffice.app.domain.Principal;
import boxoffice.app.domain.ProblemCode;
import boxoffice.app.domain.WaitlistEntry;
import boxoffice.app.service.BusinessMetrics.WaitlistStep;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Joining and leaving waiting lists. Offers are made by {@link WaitlistOffers}, never here: a join
 * only takes a place in line.
 */
public final class WaitlistDesk implements WaitlistService {
  private final Transactions transactions;
  private final WaitlistRepository waitlist;
  private final BookingRepository bookings;
  private final EventRepository events;
  private final HoldRepository holds;
  private final Outbox outbox;
  private final Clock clock;
  private final BusinessMetrics metrics;

  @Inject
  public WaitlistDesk(
      Transactions transactions,
      WaitlistRepository waitlist,
      BookingRepository bookings,
      EventRepository events,
      HoldRepository holds,
      Outbox outbox,
      Clock clock,
      BusinessMetrics metrics) {
    this.transactions = transactions;
    this.waitlist = waitlist;
    this.bookings = bookings;
    this.events = events;
    this.holds = holds;
    this.outbox = outbox;
    this.clock = clock;
    this.metrics = metrics;
  }

  @Override
  public WaitlistEntry join(Principal user, UUID eventId, Integer quantity) {
    new BookCommand(eventId, quantity, Optional.empty()); // the same rules as a booking's
    Instant now = clock.instant();
    Event event =
        bookings
            .currentEvent(eventId)
            .filter(e -> e.isVisibleTo(false))
            .orElseThrow(() -> new NotFoundException("No such event"));
    if (event.status() != EventStatus.PUBLISHED || event.hasStarted(now)) {
      throw new ConflictException(
          ProblemCode.EVENT_NOT_BOOKABLE, "The event takes no bookings, so no waiting list");
    }
    int available = event.seatsAvailable(now);
    if (available >= quantity) {
      throw new ConflictException(
          ProblemCode.SEATS_AVAILABLE,
          available + " seats are available: book or hold them instead of waiting");
    }
    int held = bookings.ticketsHeld(eventId, user.userId());
    if (held + quantity > event.maxTicketsPerUser()) {
      metrics.limitRefusal();
      throw new LimitReachedException(
          event.maxTicketsPerUser(), Math.max(0, event.maxTicketsPerUser() - held));
    }
    WaitlistEntry entry =
        transactions.inTransaction(
            () -> {
              WaitlistEntry joined =
                  waitlist
                      .join(UUID.randomUUID(), eventId, user.userId(), quantity, now)
                      .orElseThrow(
                          () ->
                              new ConflictException(
                                  ProblemCode.ALREADY_WAITING,
                                  "You are already on this event's waiting list"));
              outbox.record(OutboxMessage.WaitlistJoined.of(joined));
              return joined;
            });
    metrics.waitlist(WaitlistStep.JOINED);
    return entry;
  }

  @Override
  public Page<WaitlistEntry> listMine(Principal user, PageRequest<BookingKey> page) {
    return Page.fromOverfetch(
        waitlist.listOfUser(user.userId(), page.after(), page.limit() + 1), page.limit());
  }

  @Override
  public void leave(Principal owner, UUID entryId) {
    boolean left = transactions.inTransaction(() -> leaveEventFirst(owner, entryId));
    if (left) {
      metrics.waitlist(WaitlistStep.LEFT);
    }
  }

  private boolean leaveEventFirst(Principal owner, UUID entryId) {
    WaitlistEntry seen = owned(owner, entryId);
    if (!seen.status().isActive()) {
      return false;
    }
    Event event =
        events
            .findByIdForUpdate(seen.eventId())
            .orElseThrow(() -> new NotFoundException("No such waiting-list entry"));
    Instant now = clock.instant();
    Optional<WaitlistEntry> left = waitlist.leave(entryId, now);
    if (left.isEmpty()) {
      return false;
    }
    // An offer's seats go back at once, for the next in line.
    left.get()
        .holdId()
        .flatMap(holds::findById)
        .ifPresent(hold -> holds.release(hold, owner.userId(), now));
    outbox.record(OutboxMessage.WaitlistLeft.of(left.get(), owner.userId(), event));
    return true;
  }

  @Override
  public Page<WaitlistEntry> listOfEvent(Principal admin, UUID eventId, PageRequest<Long> page) {
    Admins.require(admin);
    if (events.findById(eventId).isEmpty()) {
      throw new NotFoundException("No such event");
    }
    return Page.fromOverfetch(
        waitlist.listOfEvent(eventId, page.after().orElse(0L), page.limit() + 1), page.limit());
  }

  private WaitlistEntry owned(Principal owner, UUID entryId) {
    return waitlist
        .findById(entryId)
        .filter(e -> e.isOwnedBy(owner))
        .orElseThrow(() -> new NotFoundException("No such waiting-list entry"));
  }
}
