package boxoffice.app.data;

import boxoffice.app.domain.Booking;
import boxoffice.app.domain.BookingStatus;
import boxoffice.app.domain.Event;
import boxoffice.app.service.BookingKey;
import boxoffice.app.service.BookingRepository;
import boxoffice.app.service.BusinessMetrics;
import boxoffice.app.service.ChangeType;
import boxoffice.app.service.OutboxEncoding;
import boxoffice.app.service.OutboxMessage;
import boxoffice.platform.TraceParent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;

/** Bookings in PostgreSQL; every seat change is a single conditional statement. */
final class JdbiBookingRepository implements BookingRepository {

  private final BookingDao dao;
  private final BookingStatement statement;
  private final BookingLanes lanes;
  private final OutboxEncoding encoding;
  private final BusinessMetrics metrics;

  @Inject
  JdbiBookingRepository(
      BookingDao dao,
      BookingStatement statement,
      BookingLanes lanes,
      OutboxEncoding encoding,
      BusinessMetrics metrics) {
    this.dao = dao;
    this.statement = statement;
    this.lanes = lanes;
    this.encoding = encoding;
    this.metrics = metrics;
  }

  @Override
  public Optional<Event> currentEvent(UUID eventId) {
    return dao.findEvent(eventId);
  }

  @Override
  public BookingAttempt book(NewBooking booking, Optional<IdempotencyKey> key, Instant now) {
    OutboxMessage.BookingCreated message = booking.message();
    try {
      var values =
          new BookingStatement.Values(
              message.bookingId(),
              message.event().id(),
              message.userId(),
              message.quantity(),
              booking.eventVersion(),
              message.ticketIds().toArray(UUID[]::new),
              booking.codes().toArray(String[]::new),
              now,
              message.id(),
              message.type().wireName(),
              encoding.json(message),
              key.map(IdempotencyKey::key).orElse(null),
              key.map(IdempotencyKey::requestHash).orElse(null),
              TraceParent.current());
      // A keyed booking runs in the transaction that holds its key's lock, so it runs alone.
      BookingDao.Seating seating =
          key.isEmpty() && JdbiTransactions.currentHandle().isEmpty()
              ? lanes.book(values)
              : statement.book(values);
      metrics.holdsExpired(seating.holdsExpired());
      return seating
          .booking()
          .<BookingAttempt>map(BookingAttempt.Booked::new)
          .orElseGet(() -> new BookingAttempt.Refused(dao.findEvent(message.event().id())));
    } catch (DirectStatements.StatementFailure e) {
      if (Constraints.violates(e, Constraints.UNIQUE_VIOLATION, Constraints.KEY)) {
        // A concurrent request with the same key committed first; this statement wrote nothing.
        return new BookingAttempt.KeyTaken();
      }
      if (Constraints.violates(e, Constraints.CHECK_VIOLATION, Constraints.TICKET_LIMIT)) {
        return new BookingAttempt.OverLimit();
      }
      throw e;
    }
  }

  @Override
  public int ticketsHeld(UUID eventId, UUID userId) {
    return dao.ticketsHeld(eventId, userId);
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
  public Optional<Booking> cancel(OutboxMessage.BookingCancelled cancellation, Instant now) {
    return dao.cancel(
        cancellation.bookingId(),
        cancellation.cancelledBy(),
        now,
        cancellation.id(),
        cancellation.type().wireName(),
        encoding.json(cancellation),
        TraceParent.current());
  }

  @Override
  public List<Booking> lockConfirmedOfEvent(UUID eventId) {
    return dao.lockConfirmedOfEvent(eventId);
  }

  @Override
  public int cancelAllOfEvent(
      UUID eventId, List<OutboxMessage.BookingCancelled> cancellations, Instant now) {
    StringJoiner messages = new StringJoiner(",", "[", "]");
    for (OutboxMessage.BookingCancelled cancellation : cancellations) {
      if (!cancellation.event().id().equals(eventId)) {
        throw new IllegalArgumentException(
            "booking " + cancellation.bookingId() + " is of another event");
      }
      // Ids are UUIDs in canonical text form and the payload a JSON object: nothing to escape.
      messages.add(
          "{\"id\":\""
              + cancellation.id()
              + "\",\"booking_id\":\""
              + cancellation.bookingId()
              + "\",\"actor_id\":\""
              + cancellation.cancelledBy()
              + "\",\"payload\":"
              + encoding.json(cancellation)
              + "}");
    }
    return dao.cancelAllOfEvent(
        eventId,
        messages.toString(),
        now,
        ChangeType.BOOKING_CANCELLED.wireName(),
        TraceParent.current());
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
