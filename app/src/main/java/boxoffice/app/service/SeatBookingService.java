package boxoffice.app.service;

import boxoffice.app.domain.Booking;
import boxoffice.app.domain.BookingStatus;
import boxoffice.app.domain.ConflictException;
import boxoffice.app.domain.Event;
import boxoffice.app.domain.LimitReachedException;
import boxoffice.app.domain.NotFoundException;
import boxoffice.app.domain.Principal;
import boxoffice.app.domain.ProblemCode;
import boxoffice.app.domain.SoldOutException;
import boxoffice.app.domain.ValidationException;
import boxoffice.app.service.BookingRepository.BookingAttempt;
import boxoffice.app.service.BookingRepository.IdempotencyKey;
import boxoffice.app.service.BookingRepository.StoredKey;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Seats are taken and given back only by single conditional statements in the database, so no
 * number of concurrent requests or app instances can overbook an event.
 */
public final class SeatBookingService implements BookingService {
  /** Refusals re-read as bookable (seats freed meanwhile) are tried again, this many times. */
  private static final int MAX_SEAT_ATTEMPTS = 3;

  /** Attempts of any kind, including those made from an event edited meanwhile. */
  private static final int MAX_ROUNDS = 2 * MAX_SEAT_ATTEMPTS;

  private final Transactions transactions;
  private final BookingRepository bookings;
  private final EventRepository events;
  private final Clock clock;
  private final BusinessMetrics metrics;

  @Inject
  public SeatBookingService(
      Transactions transactions,
      BookingRepository bookings,
      EventRepository events,
      Clock clock,
      BusinessMetrics metrics) {
    this.transactions = transactions;
    this.bookings = bookings;
    this.events = events;
    this.clock = clock;
    this.metrics = metrics;
  }

  @Override
  public Booking book(Principal user, BookCommand command) {
    Optional<IdempotencyKey> key =
        command.idempotencyKey().map(k -> new IdempotencyKey(k, command.requestHash()));
    var booking =
        new BookingRequest(UUID.randomUUID(), command.eventId(), user.userId(), command.quantity());
    BookingOutcome outcome;
    try {
      outcome =
          key.isEmpty()
              ? seat(booking, key) // one statement: no transaction to hold the event row longer
              : transactions.inTransaction(() -> seatOnceForKey(booking, key.get()));
    } catch (SoldOutException e) {
      metrics.soldOutRefusal();
      throw e;
    } catch (OverTicketLimit e) {
      // Read only now: in a transaction, the refused statement has ended it.
      throw limitReached(booking);
    }
    if (outcome.created()) {
      metrics.bookingCreated(outcome.booking().quantity());
    }
    return outcome.booking();
  }

  /** A booking asked for, with the ids and codes its tickets will have. */
  private record BookingRequest(
      UUID id, UUID eventId, UUID userId, int quantity, List<UUID> ticketIds, List<String> codes) {
    BookingRequest(UUID id, UUID eventId, UUID userId, int quantity) {
      this(
          id,
          eventId,
          userId,
          quantity,
          Stream.generate(UUID::randomUUID).limit(quantity).toList(),
          Stream.generate(TicketCodes::next).limit(quantity).toList());
    }

    /** The booking for {@code event} as it is: its message, and the version it is made from. */
    BookingRepository.NewBooking of(Event event) {
      return new BookingRepository.NewBooking(
          OutboxMessage.BookingCreated.of(id, userId, ticketIds, event), event.version(), codes);
    }
  }

  /** The booking would pass the user's ticket limit; unwinds the transaction it was tried in. */
  private static final class OverTicketLimit extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OverTicketLimit() {
      super(null, null, false, false);
    }
  }

  private LimitReachedException limitReached(BookingRequest booking) {
    int limit =
        bookings
            .currentEvent(booking.eventId())
            .map(Event::maxTicketsPerUser)
            .orElse(booking.quantity());
    int held = bookings.ticketsHeld(booking.eventId(), booking.userId());
    metrics.limitRefusal();
    return new LimitReachedException(limit, Math.max(0, limit - held));
  }

  /** A booking request's answer, and whether this request made the booking. */
  private record BookingOutcome(Booking booking, boolean created) {}

  /**
   * Requests with one key queue on the key's lock, so the first decides and the others replay its
   * booking: none of them can be refused for the seat the first one took.
   */
  private BookingOutcome seatOnceForKey(BookingRequest booking, IdempotencyKey key) {
    bookings.lockKey(booking.userId(), key.key());
    Optional<StoredKey> stored = bookings.findKey(booking.userId(), key.key());
    if (stored.isPresent()) {
      return new BookingOutcome(replay(stored.get(), key), false);
    }
    return seat(booking, Optional.of(key));
  }

  /**
   * The booking's message carries the event's title, start and venue, so each attempt books only
   * while the event still has the version they were read from. The first read is the event as this
   * instance last saw it (cheap, usually current); every refusal re-reads the event from the
   * database, and the next attempt is made from that. A refusal only because the event was edited
   * in between does not count towards the attempts a request gets for seats that change hands.
   */
  private BookingOutcome seat(BookingRequest booking, Optional<IdempotencyKey> key) {
    Optional<Event> known = events.findForBooking(booking.eventId());
    int refusals = 0;
    for (int round = 1; ; round++) {
      Instant now = clock.instant();
      Optional<Event> current;
      boolean stale;
      if (known.isEmpty()) {
        // Absent from the cache: the database decides (the cache may be behind).
        current = bookings.currentEvent(booking.eventId());
        stale = true;
      } else {
        Event seen = known.get();
        BookingAttempt result = bookings.book(booking.of(seen), key, now);
        switch (result) {
          case BookingAttempt.Booked booked -> {
            return new BookingOutcome(booked.booking(), true);
          }
          case BookingAttempt.OverLimit overLimit -> throw new OverTicketLimit();
          case BookingAttempt.KeyTaken taken ->
              // Only a request that skipped the key's lock (an older instance during a rolling
              // upgrade) can get here; the statement aborted this transaction, so nothing is read.
              throw new ConflictException(
                  ProblemCode.REQUEST_IN_PROGRESS,
                  "A request with this Idempotency-Key was being processed; retry it");
          case BookingAttempt.Refused refused -> {
            current = refused.current();
            stale = current.filter(e -> e.version() != seen.version()).isPresent();
          }
        }
      }
      Optional<RuntimeException> reason = SeatRefusals.whyRefused(current, booking.quantity(), now);
      if (reason.isPresent()) {
        throw reason.get();
      }
      if (!stale) {
        refusals++;
      }
      if (refusals == MAX_SEAT_ATTEMPTS || round == MAX_ROUNDS) {
        throw new ConflictException(
            ProblemCode.SEATS_CONTENDED, "Seats are changing hands quickly; retry the request");
      }
      // Seats were freed, or the event edited, between the refusal and the read: try again.
      known = current;
    }
  }

  private Booking replay(StoredKey stored, IdempotencyKey key) {
    if (!MessageDigest.isEqual(stored.requestHash(), key.requestHash())) {
      throw ValidationException.of(
          ProblemCode.IDEMPOTENCY_KEY_REUSED,
          "Idempotency-Key",
          "was already used for a different request; use a new key");
    }
    return bookings
        .findById(stored.bookingId())
        .orElseThrow(() -> new NotFoundException("No such booking"));
  }

  @Override
  public Booking get(Principal caller, UUID bookingId) {
    return visible(caller, bookingId);
  }

  @Override
  public Booking cancel(Principal caller, UUID bookingId) {
    Cancellation cancellation =
        transactions.inTransaction(() -> cancelEventFirst(caller, bookingId));
    if (cancellation.byThisRequest()) {
      Booking booking = cancellation.booking();
      metrics.bookingsCancelled(
          caller.isAdmin() && !booking.isOwnedBy(caller) ? "admin" : "user", 1);
    }
    return cancellation.booking();
  }

  /** A booking after a cancel request, and whether this request is the one that cancelled it. */
  private record Cancellation(Booking booking, boolean byThisRequest) {}

  /**
   * Locks the event row before the booking row, the order every transaction that touches both
   * follows (an event's cancellation locks the event, then its bookings), so a user's cancel and an
   * admin's event cancellation queue one behind the other instead of deadlocking.
   */
  private Cancellation cancelEventFirst(Principal caller, UUID bookingId) {
    Booking booking = visible(caller, bookingId);
    if (booking.status() == BookingStatus.CANCELLED) {
      return new Cancellation(booking, false);
    }
    Event event =
        events
            .findByIdForUpdate(booking.eventId())
            .orElseThrow(() -> new NotFoundException("No such booking"));
    // As of the lock: a ticket cancelled meanwhile has changed the quantity the message names.
    Booking locked = visible(caller, bookingId);
    if (locked.status() == BookingStatus.CANCELLED) {
      return new Cancellation(locked, false);
    }
    Instant now = clock.instant();
    Optional<Booking> cancelled =
        bookings.cancel(
            OutboxMessage.BookingCancelled.byRequest(locked, caller.userId(), event), now);
    if (cancelled.isPresent()) {
      return new Cancellation(cancelled.get(), true);
    }
    Booking current = visible(caller, bookingId);
    if (current.status() == BookingStatus.CANCELLED) {
      return new Cancellation(current, false); // a concurrent request cancelled it first
    }
    if (event.hasStarted(now)) {
      throw new ConflictException(
          ProblemCode.CANCELLATION_CLOSED,
          "The event has started; bookings can no longer be cancelled");
    }
    throw new ConflictException(
        ProblemCode.TICKET_USED,
        "A ticket of this booking is checked in; undo its check-in before cancelling");
  }

  @Override
  public Page<Booking> listMine(
      Principal user, Optional<BookingStatus> status, PageRequest<BookingKey> page) {
    return Page.fromOverfetch(
        bookings.listOfUser(user.userId(), status, page.after(), page.limit() + 1), page.limit());
  }

  @Override
  public Page<Booking> listOfEvent(Principal admin, UUID eventId, PageRequest<BookingKey> page) {
    Admins.require(admin);
    if (events.findById(eventId).isEmpty()) {
      throw new NotFoundException("No such event");
    }
    return Page.fromOverfetch(
        bookings.listOfEvent(eventId, page.after(), page.limit() + 1), page.limit());
  }

  /** Another user's booking is reported as absent, not forbidden. */
  private Booking visible(Principal caller, UUID bookingId) {
    return bookings
        .findById(bookingId)
        .filter(b -> b.isVisibleTo(caller))
        .orElseThrow(() -> new NotFoundException("No such booking"));
  }
}
