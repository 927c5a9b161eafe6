package boxoffice.app.data;

import boxoffice.app.domain.WaitlistEntry;
import boxoffice.app.service.BookingKey;
import boxoffice.app.service.WaitlistRepository;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Waiting lists in PostgreSQL. */
final class JdbiWaitlistRepository implements WaitlistRepository {
  private final WaitlistDao dao;

  @Inject
  JdbiWaitlistRepository(WaitlistDao dao) {
    this.dao = dao;
  }

  @Override
  public Optional<WaitlistEntry> join(
      UUID id, UUID eventId, UUID userId, int quantity, Instant now) {
    return dao.join(id, eventId, userId, quantity, now);
  }

  @Override
  public Optional<WaitlistEntry> findById(UUID id) {
    return dao.findById(id);
  }

  @Override
  public List<WaitlistEntry> listOfUser(UUID userId, Optional<BookingKey> after, int limit) {
    return dao.listOfUser(
        userId,
        after.map(BookingKey::createdAt).orElse(null),
        after.map(BookingKey::id).orElse(null),
        limit);
  }

  @Override
  public List<WaitlistEntry> listOfEvent(UUID eventId, long afterOrder, int limit) {
    return dao.listOfEvent(eventId, afterOrder, limit);
  }

  @Override
  public List<WaitlistEntry> waiting(UUID eventId, int limit) {
    return dao.waiting(eventId, limit);
  }

  @Override
  public boolean offer(WaitlistEntry entry, UUID holdId, Instant expiresAt, Instant now) {
    return dao.offer(entry.id(), holdId, expiresAt, now) > 0;
  }

  @Override
  public List<WaitlistEntry> expireOffers(UUID eventId, Instant now) {
    return dao.expireOffers(eventId, now);
  }

  @Override
  public Optional<WaitlistEntry> accept(UUID holdId, Instant now) {
    return dao.accept(holdId, now);
  }

  @Override
  public Optional<WaitlistEntry> declineOffer(UUID holdId, Instant now) {
    return dao.declineOffer(holdId, now);
  }

  @Override
  public Optional<WaitlistEntry> leave(UUID entryId, Instant now) {
    return dao.leave(entryId, now);
  }

  @Override
  public List<WaitlistEntry> close(UUID eventId, Instant now) {
    return dao.close(eventId, now);
  }

  @Override
  public List<UUID> eventsToServe(Instant now, int limit) {
    return dao.eventsToServe(now, limit);
  }
}
