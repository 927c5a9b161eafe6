package boxoffice.app.data;

import boxoffice.app.domain.Booking;
import boxoffice.app.domain.BookingStatus;
import boxoffice.app.service.BookingKey;
import boxoffice.app.service.BookingRepository;
import boxoffice.app.service.ChangeType;
import boxoffice.platform.TraceParent;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.JdbiException;

/** Bookings in PostgreSQL; every seat change is a single conditional statement. */
final class JdbiBookingRepository implements BookingRepository {
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String KEY_CONSTRAINT = "idempotency_keys_pkey";

  private final BookingDao dao;

  @Inject
  JdbiBookingRepository(BookingDao dao) {
    this.dao = dao;
  }

  @Override
  public BookingAttempt book(NewBooking booking, Optional<IdempotencyKey> key, Instant now) {
    try {
      return dao.book(
              booking.id(),
              booking.eventId(),
              booking.userId(),
              booking.quantity(),
              now,
              UUID.randomUUID(),
              ChangeType.BOOKING_CREATED.wireName(),
              key.map(IdempotencyKey::key).orElse(null),
              key.map(IdempotencyKey::requestHash).orElse(null),
              TraceParent.current())
          .<BookingAttempt>map(BookingAttempt.Booked::new)
          .orElseGet(() -> new BookingAttempt.Refused(dao.findEvent(booking.eventId())));
    } catch (JdbiException e) {
      if (isKeyCollision(e)) {
        // A concurrent request with the same key committed first; this statement wrote nothing.
        return new BookingAttempt.KeyTaken();
      }
      throw e;
    }
  }

  private static boolean isKeyCollision(JdbiException e) {
    return e.getCause() instanceof SQLException sql
        && UNIQUE_VIOLATION.equals(sql.getSQLState())
        && sql.getMessage() != null
        && sql.getMessage().contains(KEY_CONSTRAINT);
  }

  @Override
  public Optional<StoredKey> findKey(UUID userId, String key) {
    return dao.findKey(userId, key);
  }

  @Override
  public void lockKey(UUID userId, String key) {
    dao.lockKey(userId, key);
  }

  @Override
  public Optional<Booking> findById(UUID id) {
    return dao.findById(id);
  }

  @Override
  public Optional<Booking> cancel(UUID bookingId, UUID actorId, Instant now) {
    return dao.cancel(
        bookingId,
        actorId,
        now,
        UUID.randomUUID(),
        ChangeType.BOOKING_CANCELLED.wireName(),
        TraceParent.current());
  }

  @Override
  public int cancelAllOfEvent(UUID eventId, UUID actorId, Instant now) {
    return dao.cancelAllOfEvent(
        eventId, actorId, now, ChangeType.BOOKING_CANCELLED.wireName(), TraceParent.current());
  }

  @Override
  public List<Booking> listOfUser(
      UUID userId, Optional<BookingStatus> status, Optional<BookingKey> after, int limit) {
    return dao.listOfUser(
        userId,
        status.map(Enum::name).orElse(null),
        after.map(BookingKey::createdAt).orElse(null),
        after.map(BookingKey::id).orElse(null),
        limit);
  }

  @Override
  public List<Booking> listOfEvent(UUID eventId, Optional<BookingKey> after, int limit) {
    return dao.listOfEvent(
        eventId,
        after.map(BookingKey::createdAt).orElse(null),
        after.map(BookingKey::id).orElse(null),
        limit);
  }

  @Override
  public int purgeKeysOlderThan(Instant before) {
    return dao.purgeKeysOlderThan(before);
  }
}
