package boxoffice.app.service;

import boxoffice.app.domain.Booking;
import boxoffice.app.domain.BookingStatus;
import boxoffice.app.domain.Event;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: seats and bookings. Every seat change is one conditional statement in the database. */
public interface BookingRepository {
  /**
   * Seats the booking, records {@code booking} in the outbox and (with a key) stores the
   * idempotency key, all in one statement that only succeeds while the event is published, not
   * started, has the seats and still has {@code eventVersion}, the version the message's event
   * fields were read from (edits change the version, bookings do not).
   */
  BookingAttempt book(NewBooking booking, Optional<IdempotencyKey> key, Instant now);

  /** The event as committed now (never from a cache): what a booking would be decided by. */
  Optional<Event> currentEvent(UUID eventId);

  Optional<StoredKey> findKey(UUID userId, String key);

  /**
   * Holds the user's idempotency key until the transaction ends: requests with the same key queue
   * here, so each one sees what the one before it stored and the seat is decided once per key.
   */
  void lockKey(UUID userId, String key);

  Optional<Booking> findById(UUID id);

  /** How many tickets that are not VOID the user holds for the event. */
  int ticketsHeld(UUID eventId, UUID userId);

  /**
   * Cancels a confirmed booking of an event that has not started, freeing its seats and recording
   * {@code cancellation} in the outbox, in one statement; empty when nothing was cancelled. It
   * locks the booking row, then the event row: the caller must already hold the event row ({@link
   * EventRepository#findByIdForUpdate}) in its transaction, so that locks are always taken event
   * first, then bookings.
   */
  Optional<Booking> cancel(OutboxMessage.BookingCancelled cancellation, Instant now);

  /**
   * The confirmed bookings of an event, locked until the transaction ends. The caller holds the
   * event row lock already, as for {@link #cancel}.
   */
  List<Booking> lockConfirmedOfEvent(UUID eventId);

  /**
   * Cancels the bookings of an event named by {@code cancellations} (it was cancelled) that are
   * still confirmed, frees their seats and records each cancellation in the outbox, in one
   * statement; returns how many were cancelled. The caller holds the event row lock already, as for
   * {@link #cancel}.
   */
  int cancelAllOfEvent(
      UUID eventId, List<OutboxMessage.BookingCancelled> cancellations, Instant now);

  List<Booking> listOfUser(
      UUID userId, Optional<BookingStatus> status, Optional<BookingKey> after, int limit);

  List<Booking> listOfEvent(UUID eventId, Optional<BookingKey> after, int limit);

  int purgeKeysOlderThan(Instant before);

  /**
   * A booking about to be made: its message, the event version the message was made from, and the
   * codes of its tickets (in the order of the message's ticket ids).
   */
  record NewBooking(OutboxMessage.BookingCreated message, int eventVersion, List<String> codes) {
    public NewBooking {
      codes = List.copyOf(codes);
      if (codes.size() != message.ticketIds().size()) {
        throw new IllegalArgumentException("every ticket has one code");
      }
    }
  }

  /** An Idempotency-Key with the hash of the request it came with. */
  record IdempotencyKey(String key, byte[] requestHash) {}

  /** A stored key and the booking its first request produced. */
  record StoredKey(byte[] requestHash, UUID bookingId) {}

  /** What a booking attempt did. */
  sealed interface BookingAttempt {
    /** The seats are held. */
    record Booked(Booking booking) implements BookingAttempt {}

    /**
     * The event was not bookable for that quantity; nothing was written. {@code current} is the
     * event as the database has it after the refusal (at least as new as what refused it), empty
     * when there is no such event: the reason for the refusal is read from it, never from a cache.
     */
    record Refused(Optional<Event> current) implements BookingAttempt {}

    /** A concurrent request with the same key won; nothing was written. */
    record KeyTaken() implements BookingAttempt {}

    /**
     * The user would hold more tickets of the event than its limit allows; nothing was written (in
     * a transaction, the statement's failure ended it: roll back before reading anything).
     */
    record OverLimit() implements BookingAttempt {}
  }
}
