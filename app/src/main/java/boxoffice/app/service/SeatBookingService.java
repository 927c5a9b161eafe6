package boxoffice.app.service;

import boxoffice.app.domain.Booking;
import boxoffice.app.domain.BookingStatus;
import boxoffice.app.domain.ConflictException;
import boxoffice.app.domain.Event;
import boxoffice.app.domain.EventStatus;
import boxoffice.app.domain.NotFoundException;
import boxoffice.app.domain.Principal;
import boxoffice.app.domain.SoldOutException;
import boxoffice.app.domain.ValidationException;
import boxoffice.app.service.BookingRepository.BookingAttempt;
import boxoffice.app.service.BookingRepository.IdempotencyKey;
import boxoffice.app.service.BookingRepository.StoredKey;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Seats are taken and given back only by single conditional statements in the database, so no
 * number of concurrent requests or app instances can overbook an event.
 */
public final class SeatBookingService implements BookingService {
  /** Refusals re-read as bookable (seats freed meanwhile) are tried again, this many times. */
  private static final int MAX_SEAT_ATTEMPTS = 3;

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
        new BookingRepository.NewBooking(
            UUID.randomUUID(), command.eventId(), user.userId(), command.quantity());
    BookingOutcome outcome;
    try {
      outcome =
          key.isEmpty()
              ? seat(booking, key) // one statement: no transaction to hold the event row longer
              : transactions.inTransaction(() -> seatOnceForKey(booking, key.get()));
    } catch (SoldOutException e) {
      metrics.soldOutRefusal();
      throw e;
    }
    if (outcome.created()) {
      metrics.bookingCreated(outcome.booking().quantity());
    }
    return outcome.booking();
  }

  /** A booking request's answer, and whether this request made the booking. */
  private record BookingOutcome(Booking booking, boolean created) {}

  /**
   * Requests with one key queue on the key's lock, so the first decides and the others replay its
   * booking: none of them can be refused for the seat the first one took.
   */
  private BookingOutcome seatOnceForKey(BookingRepository.NewBooking booking, IdempotencyKey key) {
    bookings.lockKey(booking.userId(), key.key());
    Optional<StoredKey> stored = bookings.findKey(booking.userId(), key.key());
    if (stored.isPresent()) {
      return new BookingOutcome(replay(stored.get(), key), false);
    }
    return seat(booking, Optional.of(key));
  }

  private BookingOutcome seat(BookingRepository.NewBooking booking, Optional<IdempotencyKey> key) {
    for (int attempt = 1; ; attempt++) {
      Instant now = clock.instant();
      BookingAttempt result = bookings.book(booking, key, now);
      switch (result) {
        case BookingAttempt.Booked booked -> {
          return new BookingOutcome(booked.booking(), true);
        }
        case BookingAttempt.KeyTaken taken ->
            // Only a request that skipped the key's lock (an older instance during a rolling
            // upgrade) can get here; the statement aborted this transaction, so nothing is read.
            throw new ConflictException(
                "A request with this Idempotency-Key was being processed; retry it");
        case BookingAttempt.Refused refused -> {
          Optional<RuntimeException> reason =
              whyRefused(refused.current(), booking.quantity(), now);
          if (reason.isPresent()) {
            throw reason.get();
          }
          if (attempt == MAX_SEAT_ATTEMPTS) {
            throw new ConflictException("Seats are changing hands quickly; retry the request");
          }
          // Seats were freed between the refusal and the read: try for them again.
        }
      }
    }
  }

  private Booking replay(StoredKey stored, IdempotencyKey key) {
    if (!MessageDigest.isEqual(stored.requestHash(), key.requestHash())) {
      throw ValidationException.of(
          "Idempotency-Key", "was already used for a different request; use a new key");
    }
    return bookings
        .findById(stored.bookingId())
        .orElseThrow(() -> new NotFoundException("No such booking"));
  }

  /**
   * Explains a refused booking from the event as the database has it after the refusal (never the
   * cache, which may be behind): empty when that event could take the booking after all.
   */
  private static Optional<RuntimeException> whyRefused(
      Optional<Event> current, int quantity, Instant now) {
    Optional<Event> found = current.filter(e -> e.isVisibleTo(false));
    if (found.isEmpty()) {
      return Optional.of(new NotFoundException("No such event"));
    }
    Event event = found.get();
    if (event.status() != EventStatus.PUBLISHED) {
      return Optional.of(
          new ConflictException("The event is " + event.status() + " and cannot be booked"));
    }
    if (event.hasStarted(now)) {
      return Optional.of(new ConflictException("The event has already started"));
    }
    if (event.seatsAvailable() < quantity) {
      return Optional.of(new SoldOutException(event.seatsAvailable()));
    }
    return Optional.empty();
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
    events.findByIdForUpdate(booking.eventId());
    Optional<Booking> cancelled = bookings.cancel(bookingId, caller.userId(), clock.instant());
    if (cancelled.isPresent()) {
      return new Cancellation(cancelled.get(), true);
    }
    Booking current = visible(caller, bookingId);
    if (current.status() == BookingStatus.CANCELLED) {
      return new Cancellation(current, false); // a concurrent request cancelled it first
    }
    throw new ConflictException("The event has started; bookings can no longer be cancelled");
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
