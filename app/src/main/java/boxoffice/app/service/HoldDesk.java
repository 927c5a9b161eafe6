package boxoffice.app.service;

import boxoffice.app.domain.Booking;
import boxoffice.app.domain.ConflictException;
import boxoffice.app.domain.Event;
import boxoffice.app.domain.EventStatus;
import boxoffice.app.domain.Hold;
import boxoffice.app.domain.HoldStatus;
import boxoffice.app.domain.LimitReachedException;
import boxoffice.app.domain.NotFoundException;
import boxoffice.app.domain.Principal;
import boxoffice.app.domain.ProblemCode;
import boxoffice.app.domain.SoldOutException;
import boxoffice.app.domain.ValidationException;
import boxoffice.app.domain.WaitlistEntry;
import boxoffice.app.service.BookingRepository.IdempotencyKey;
import boxoffice.app.service.BusinessMetrics.HoldStep;
import boxoffice.app.service.BusinessMetrics.WaitlistStep;
import boxoffice.app.service.HoldRepository.HoldAttempt;
import boxoffice.app.service.HoldRepository.StoredHoldKey;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Holds take seats by the same single conditional statement as bookings, so capacity and the
 * per-user limit hold under any concurrency; every later step locks the event row first.
 */
public final class HoldDesk implements HoldService {
  /** Refusals re-read as holdable (seats freed meanwhile) are tried again, this many times. */
  private static final int MAX_ATTEMPTS = 3;

  private final Transactions transactions;
  private final HoldRepository holds;
  private final BookingRepository bookings;
  private final EventRepository events;
  private final WaitlistRepository waitlist;
  private final Outbox outbox;
  private final HoldRules rules;
  private final Clock clock;
  private final BusinessMetrics metrics;

  @Inject
  public HoldDesk(
      Transactions transactions,
      HoldRepository holds,
      BookingRepository bookings,
      EventRepository events,
      WaitlistRepository waitlist,
      Outbox outbox,
      HoldRules rules,
      Clock clock,
      BusinessMetrics metrics) {
    this.transactions = transactions;
    this.holds = holds;
    this.bookings = bookings;
    this.events = events;
    this.waitlist = waitlist;
    this.outbox = outbox;
    this.rules = rules;
    this.clock = clock;
    this.metrics = metrics;
  }

  @Override
  public Hold hold(Principal user, HoldCommand command) {
    Optional<IdempotencyKey> key =
        command.idempotencyKey().map(k -> new IdempotencyKey(k, command.requestHash()));
    UUID id = UUID.randomUUID();
    HoldOutcome outcome;
    try {
      outcome =
          key.isEmpty()
              ? take(id, user, command.eventId(), command.quantity(), key)
              : transactions.inTransaction(() -> takeOnceForKey(id, user, command, key.get()));
    } catch (SoldOutException e) {
      metrics.soldOutRefusal();
      throw e;
    } catch (OverLimit e) {
      throw limitReached(command.eventId(), user.userId(), command.quantity());
    }
    if (outcome.created()) {
      metrics.hold(HoldStep.CREATED);
    }
    return outcome.hold();
  }

  private record HoldOutcome(Hold hold, boolean created) {}

  /** The hold would pass the user's limit; unwinds the transaction it was tried in. */
  private static final class OverLimit extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OverLimit() {
      super(null, null, false, false);
    }
  }

  private HoldOutcome takeOnceForKey(
      UUID id, Principal user, HoldCommand command, IdempotencyKey key) {
    bookings.lockKey(user.userId(), key.key());
    Optional<StoredHoldKey> stored = holds.findKey(user.userId(), key.key());
    if (stored.isPresent()) {
      if (!MessageDigest.isEqual(stored.get().requestHash(), key.requestHash())
          || stored.get().holdId().isEmpty()) {
        throw ValidationException.of(
            ProblemCode.IDEMPOTENCY_KEY_REUSED,
            "Idempotency-Key",
            "was already used for a different request; use a new key");
      }
      return new HoldOutcome(
          holds
              .findById(stored.get().holdId().get())
              .orElseThrow(() -> new NotFoundException("No such hold")),
          false);
    }
    return take(id, user, command.eventId(), command.quantity(), Optional.of(key));
  }

  private HoldOutcome take(
      UUID id, Principal user, UUID eventId, int quantity, Optional<IdempotencyKey> key) {
    for (int attempt = 1; ; attempt++) {
      Instant now = clock.instant();
      var request =
          new HoldRepository.NewHold(id, eventId, user.userId(), quantity, now.plus(rules.ttl()));
      HoldAttempt result = holds.hold(request, key, now);
      switch (result) {
        case HoldAttempt.Held held -> {
          return new HoldOutcome(held.hold(), true);
        }
        case HoldAttempt.OverLimit overLimit -> throw new OverLimit();
        case HoldAttempt.KeyTaken taken ->
            throw new ConflictException(
                ProblemCode.REQUEST_IN_PROGRESS,
                "A request with this Idempotency-Key was being processed; retry it");
        case HoldAttempt.Refused refused -> {
          Optional<RuntimeException> reason =
              SeatRefusals.whyRefused(refused.current(), quantity, now);
          if (reason.isPresent()) {
            throw reason.get();
          }
          if (attempt == MAX_ATTEMPTS) {
            throw new ConflictException(
                ProblemCode.SEATS_CONTENDED, "Seats are changing hands quickly; retry the request");
          }
        }
      }
    }
  }

  private LimitReachedException limitReached(UUID eventId, UUID userId, int quantity) {
    int limit = bookings.currentEvent(eventId).map(Event::maxTicketsPerUser).orElse(quantity);
    int held = bookings.ticketsHeld(eventId, userId);
    metrics.limitRefusal();
    return new LimitReachedException(limit, Math.max(0, limit - held));
  }

  @Override
  public Hold get(Principal caller, UUID holdId) {
    return visible(caller, holdId);
  }

  @Override
  public Confirmation confirm(Principal owner, UUID holdId) {
    Confirmation confirmation = transactions.inTransaction(() -> confirmEventFirst(owner, holdId));
    if (confirmation.created()) {
      metrics.hold(HoldStep.CONFIRMED);
      metrics.bookingCreated(confirmation.booking().quantity());
    }
    return confirmation;
  }

  private Confirmation confirmEventFirst(Principal owner, UUID holdId) {
    Hold seen = owned(owner, holdId);
    if (seen.status() == HoldStatus.CONFIRMED) {
      return replay(seen);
    }
    Event event =
        events
            .findByIdForUpdate(seen.eventId())
            .orElseThrow(() -> new NotFoundException("No such hold"));
    Hold hold = owned(owner, holdId); // as of the lock
    Instant now = clock.instant();
    switch (hold.statusAt(now)) {
      case CONFIRMED -> {
        return replay(hold);
      }
      case RELEASED ->
          throw new ConflictException(
              ProblemCode.HOLD_RELEASED, "The hold was released; its seats are free again");
      case EXPIRED ->
          throw new ConflictException(
              ProblemCode.HOLD_EXPIRED,
              "The hold expired at " + hold.expiresAt() + "; its seats are free again");
      case ACTIVE -> {}
    }
    if (event.status() != EventStatus.PUBLISHED || event.hasStarted(now)) {
      throw new ConflictException(
          ProblemCode.EVENT_NOT_BOOKABLE, "The event can no longer be booked");
    }
    List<UUID> ticketIds = Stream.generate(UUID::randomUUID).limit(hold.quantity()).toList();
    List<String> codes = Stream.generate(TicketCodes::next).limit(hold.quantity()).toList();
    var message =
        OutboxMessage.BookingCreated.of(UUID.randomUUID(), owner.userId(), ticketIds, event);
    Booking booking =
        holds
            .confirm(hold, message, codes, now)
            .orElseThrow(
                () ->
                    new ConflictException(
                        ProblemCode.HOLD_EXPIRED, "The hold has expired; its seats are free"));
    // An offer from the waiting list is taken up with its hold.
    waitlist
        .accept(hold.id(), now)
        .ifPresent(
            entry -> {
              outbox.record(OutboxMessage.WaitlistAccepted.of(entry, booking.id()));
              metrics.waitlist(WaitlistStep.ACCEPTED);
            });
    return new Confirmation(booking, true);
  }

  private Confirmation replay(Hold confirmed) {
    Booking booking =
        confirmed
            .bookingId()
            .flatMap(bookings::findById)
            .orElseThrow(() -> new NotFoundException("The hold's booking no longer exists"));
    return new Confirmation(booking, false);
  }

  @Override
  public void release(Principal caller, UUID holdId) {
    boolean released = transactions.inTransaction(() -> releaseEventFirst(caller, holdId));
    if (released) {
      metrics.hold(HoldStep.RELEASED);
    }
  }

  private boolean releaseEventFirst(Principal caller, UUID holdId) {
    Hold seen = visible(caller, holdId);
    if (seen.status() == HoldStatus.CONFIRMED) {
      throw confirmedAlready();
    }
    if (seen.status() != HoldStatus.ACTIVE) {
      return false;
    }
    Optional<Event> event = events.findByIdForUpdate(seen.eventId());
    Instant now = clock.instant();
    holds.reclaimLapsed(seen.eventId(), now);
    if (holds.release(seen, caller.userId(), now)) {
      declineOffer(seen, caller, event, now);
      return true;
    }
    if (visible(caller, holdId).status() == HoldStatus.CONFIRMED) {
      throw confirmedAlready(); // confirmed by a request that took the lock first
    }
    return false;
  }

  /** Releasing an offered hold declines the offer: the entry leaves the line, for good. */
  private void declineOffer(Hold hold, Principal caller, Optional<Event> event, Instant now) {
    Optional<WaitlistEntry> declined = waitlist.declineOffer(hold.id(), now);
    if (declined.isPresent() && event.isPresent()) {
      outbox.record(OutboxMessage.WaitlistLeft.of(declined.get(), caller.userId(), event.get()));
      metrics.waitlist(WaitlistStep.LEFT);
    }
  }

  private static ConflictException confirmedAlready() {
    return new ConflictException(
        ProblemCode.HOLD_CONFIRMED,
        "The hold was confirmed as a booking; cancel the booking to free its seats");
  }

  /** Another user's hold is reported as absent, not forbidden. */
  private Hold visible(Principal caller, UUID holdId) {
    return holds
        .findById(holdId)
        .filter(h -> h.isVisibleTo(caller))
        .orElseThrow(() -> new NotFoundException("No such hold"));
  }

  private Hold owned(Principal owner, UUID holdId) {
    return holds
        .findById(holdId)
        .filter(h -> h.isOwnedBy(owner))
        .orElseThrow(() -> new NotFoundException("No such hold"));
  }
}
