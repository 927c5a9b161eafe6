package boxoffice.app.cache;

import boxoffice.app.data.DataModule;
import boxoffice.app.domain.Booking;
import boxoffice.app.domain.Hold;
import boxoffice.app.service.BookingRepository.IdempotencyKey;
import boxoffice.app.service.HoldRepository;
import boxoffice.app.service.OutboxMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Holds as stored. A new, confirmed or released hold changes its event's seats, so its cached view
 * goes; a hold's deadline needs no invalidation, as views carry each hold's deadline.
 */
record CachingHoldRepository(
    @Named(DataModule.DATABASE) HoldRepository database, CacheAside cacheAside)
    implements HoldRepository {
  @Inject
  CachingHoldRepository {}

  @Override
  public HoldAttempt hold(NewHold hold, Optional<IdempotencyKey> key, Instant now) {
    HoldAttempt attempt = database.hold(hold, key, now);
    if (attempt instanceof HoldAttempt.Held) {
      cacheAside.invalidate(hold.eventId());
    }
    return attempt;
  }

  @Override
  public Optional<Hold> findById(UUID id) {
    return database.findById(id);
  }

  @Override
  public Optional<StoredHoldKey> findKey(UUID userId, String key) {
    return database.findKey(userId, key);
  }

  @Override
  public Optional<Booking> confirm(
      Hold hold, OutboxMessage.BookingCreated booking, List<String> codes, Instant now) {
    Optional<Booking> confirmed = database.confirm(hold, booking, codes, now);
    confirmed.ifPresent(b -> cacheAside.invalidate(b.eventId()));
    return confirmed;
  }

  @Override
  public boolean release(Hold hold, UUID actorId, Instant now) {
    boolean released = database.release(hold, actorId, now);
    if (released) {
      cacheAside.invalidate(hold.eventId());
    }
    return released;
  }

  @Override
  public int reclaimLapsed(UUID eventId, Instant now) {
    return database.reclaimLapsed(eventId, now);
  }

  @Override
  public int releaseAllOfEvent(UUID eventId, UUID actorId, Instant now) {
    int released = database.releaseAllOfEvent(eventId, actorId, now);
    if (released > 0) {
      cacheAside.invalidate(eventId);
    }
    return released;
  }

  @Override
  public List<UUID> eventsWithLapsedHolds(Instant now, int limit) {
    return database.eventsWithLapsedHolds(now, limit);
  }

  @Override
  public boolean lockEventUnlessBusy(UUID eventId) {
    return database.lockEventUnlessBusy(eventId);
  }
}
