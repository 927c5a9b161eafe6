package boxoffice.app.cache;

import boxoffice.app.data.DataModule;
import boxoffice.app.domain.WaitlistEntry;
import boxoffice.app.service.BookingKey;
import boxoffice.app.service.WaitlistRepository;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Waiting lists as stored; an offer holds seats, so its event's cached view goes. */
record CachingWaitlistRepository(
    @Named(DataModule.DATABASE) WaitlistRepository database, CacheAside cacheAside)
    implements WaitlistRepository {
  @Inject
  CachingWaitlistRepository {}

  @Override
  public boolean offer(WaitlistEntry entry, UUID holdId, Instant expiresAt, Instant now) {
    boolean offered = database.offer(entry, holdId, expiresAt, now);
    if (offered) {
      cacheAside.invalidate(entry.eventId());
    }
    return offered;
  }

  @Override
  public Optional<WaitlistEntry> join(
      UUID id, UUID eventId, UUID userId, int quantity, Instant now) {
    return database.join(id, eventId, userId, quantity, now);
  }

  @Override
  public Optional<WaitlistEntry> findById(UUID id) {
    return database.findById(id);
  }

  @Override
  public List<WaitlistEntry> listOfUser(UUID userId, Optional<BookingKey> after, int limit) {
    return database.listOfUser(userId, after, limit);
  }

  @Override
  public List<WaitlistEntry> listOfEvent(UUID eventId, long afterOrder, int limit) {
    return database.listOfEvent(eventId, afterOrder, limit);
  }

  @Override
  public List<WaitlistEntry> waiting(UUID eventId, int limit) {
    return database.waiting(eventId, limit);
  }

  @Override
  public List<WaitlistEntry> expireOffers(UUID eventId, Instant now) {
    return database.expireOffers(eventId, now);
  }

  @Override
  public Optional<WaitlistEntry> accept(UUID holdId, Instant now) {
    return database.accept(holdId, now);
  }

  @Override
  public Optional<WaitlistEntry> declineOffer(UUID holdId, Instant now) {
    return database.declineOffer(holdId, now);
  }

  @Override
  public Optional<WaitlistEntry> leave(UUID entryId, Instant now) {
    return database.leave(entryId, now);
  }

  @Override
  public List<WaitlistEntry> close(UUID eventId, Instant now) {
    return database.close(eventId, now);
  }

  @Override
  public List<UUID> eventsToServe(Instant now, int limit) {
    return database.eventsToServe(now, limit);
  }
}
