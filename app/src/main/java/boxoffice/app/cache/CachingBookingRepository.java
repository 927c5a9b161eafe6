package boxoffice.app.cache;

import boxoffice.app.data.DataModule;
import boxoffice.app.domain.Booking;
import boxoffice.app.domain.BookingStatus;
import boxoffice.app.domain.Event;
import boxoffice.app.service.BookingKey;
import boxoffice.app.service.BookingRepository;
import boxoffice.app.service.OutboxMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Bookings change an event's seat count: each seat change invalidates the cached event. */
record CachingBookingRepository(
    @Named(DataModule.DATABASE) BookingRepository database,
    CacheAside cacheAside,
    RecentEvents recentEvents)
    implements BookingRepository {
  @Inject
  CachingBookingRepository {}

  @Override
  public BookingAttempt book(NewBooking booking, Optional<IdempotencyKey> key, Instant now) {
    BookingAttempt attempt = database.book(booking, key, now);
    switch (attempt) {
      case BookingAttempt.Booked booked -> cacheAside.invalidate(booking.message().event().id());
      case BookingAttempt.Refused refused when !cacheAside.inTransaction() ->
          // The statement's own read of the event: the next booking starts from it.
          refused.current().ifPresent(recentEvents::remember);
      default -> {}
    }
    return attempt;
  }

  @Override
  public Optional<Booking> cancel(OutboxMessage.BookingCancelled cancellation, Instant now) {
    Optional<Booking> cancelled = database.cancel(cancellation, now);
    cancelled.ifPresent(b -> cacheAside.invalidate(b.eventId()));
    return cancelled;
  }

  @Override
  public List<Booking> lockConfirmedOfEvent(UUID eventId) {
    return database.lockConfirmedOfEvent(eventId);
  }

  @Override
  public int cancelAllOfEvent(
      UUID eventId, List<OutboxMessage.BookingCancelled> cancellations, Instant now) {
    int cancelled = database.cancelAllOfEvent(eventId, cancellations, now);
    cacheAside.invalidate(eventId);
    return cancelled;
  }

  @Override
  public Optional<Event> currentEvent(UUID eventId) {
    return database.currentEvent(eventId);
  }

  @Override
  public Optional<StoredKey> findKey(UUID userId, String key) {
    return database.findKey(userId, key);
  }

  @Override
  public void lockKey(UUID userId, String key) {
    database.lockKey(userId, key);
  }

  @Override
  public Optional<Booking> findById(UUID id) {
    return database.findById(id);
  }

  @Override
  public int ticketsHeld(UUID eventId, UUID userId) {
    return database.ticketsHeld(eventId, userId);
  }

  @Override
  public List<Booking> listOfUser(
      UUID userId, Optional<BookingStatus> status, Optional<BookingKey> after, int limit) {
    return database.listOfUser(userId, status, after, limit);
  }

  @Override
  public List<Booking> listOfEvent(UUID eventId, Optional<BookingKey> after, int limit) {
    return database.listOfEvent(eventId, after, limit);
  }

  @Override
  public int purgeKeysOlderThan(Instant before) {
    return database.purgeKeysOlderThan(before);
  }
}
