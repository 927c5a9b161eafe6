package boxoffice.app.service;

import boxoffice.app.domain.Booking;
import boxoffice.app.domain.Event;
import boxoffice.app.domain.Hold;
import boxoffice.app.service.BookingRepository.IdempotencyKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: holds. Taking seats is one conditional statement that first reclaims the event's lapsed
 * holds, so a hold's seats are free the instant its deadline passes. Every other change to a hold
 * is made with the event row locked first ({@link EventRepository#findByIdForUpdate}).
 */
public interface HoldRepository {
  /** Holds the seats in one statement; see {@link HoldAttempt}. */
  HoldAttempt hold(NewHold hold, Optional<IdempotencyKey> key, Instant now);

  Optional<Hold> findById(UUID id);

  /** The key's stored request hash and the hold it made (empty hold: it made a booking). */
  Optional<StoredHoldKey> findKey(UUID userId, String key);

  /**
   * Confirms an ACTIVE hold before its deadline as {@code booking} with its tickets' codes; empty
   * when the hold was no longer ACTIVE or had lapsed. The caller holds the event row lock.
   */
  Optional<Booking> confirm(
      Hold hold, OutboxMessage.BookingCreated booking, List<String> codes, Instant now);

  /**
   * Releases an ACTIVE hold before its deadline; false when it was not. The caller holds the event
   * row lock.
   */
  boolean release(Hold hold, UUID actorId, Instant now);

  /** Reclaims the event's lapsed holds; the caller holds the event row lock. */
  int reclaimLapsed(UUID eventId, Instant now);

  /** Releases every ACTIVE hold of a cancelled event; the caller holds the event row lock. */
  int releaseAllOfEvent(UUID eventId, UUID actorId, Instant now);

  /** Events with lapsed holds not yet reclaimed, at most {@code limit}. */
  List<UUID> eventsWithLapsedHolds(Instant now, int limit);

  /** Locks the event row in the current transaction unless another holds it; false then. */
  boolean lockEventUnlessBusy(UUID eventId);

  /** A hold about to be made, ending at {@code expiresAt} (or the event's start, if sooner). */
  record NewHold(UUID id, UUID eventId, UUID userId, int quantity, Instant expiresAt) {}

  /** A stored key with the hash of its first request and the hold it made, if a hold. */
  record StoredHoldKey(byte[] requestHash, Optional<UUID> holdId) {}

  /** What a hold attempt did. */
  sealed interface HoldAttempt {
    /** The seats are held. */
    record Held(Hold hold) implements HoldAttempt {}

    /**
     * Not holdable for that quantity; nothing but the reclaiming of lapsed holds was written.
     * {@code current} is the event as committed after the refusal.
     */
    record Refused(Optional<Event> current) implements HoldAttempt {}

    /** A concurrent request with the same key won; nothing was written. */
    record KeyTaken() implements HoldAttempt {}

    /** The user would pass the event's limit; nothing was written. */
    record OverLimit() implements HoldAttempt {}
  }
}
