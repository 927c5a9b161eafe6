package boxoffice.app.data;

import boxoffice.app.domain.Booking;
import boxoffice.app.domain.Hold;
import boxoffice.app.service.BookingRepository.IdempotencyKey;
import boxoffice.app.service.BusinessMetrics;
import boxoffice.app.service.HoldRepository;
import boxoffice.app.service.OutboxEncoding;
import boxoffice.app.service.OutboxMessage;
import boxoffice.platform.TraceParent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.JdbiException;

/** Holds in PostgreSQL; taking seats is a single conditional statement. */
final class JdbiHoldRepository implements HoldRepository {
  private final HoldDao dao;
  private final BookingDao bookings;
  private final OutboxEncoding encoding;
  private final BusinessMetrics metrics;

  @Inject
  JdbiHoldRepository(
      HoldDao dao, BookingDao bookings, OutboxEncoding encoding, BusinessMetrics metrics) {
    this.dao = dao;
    this.bookings = bookings;
    this.encoding = encoding;
    this.metrics = metrics;
  }

  @Override
  public HoldAttempt hold(NewHold hold, Optional<IdempotencyKey> key, Instant now) {
    try {
      HoldDao.Holding holding =
          dao.hold(
              hold.id(),
              hold.eventId(),
              hold.userId(),
              hold.quantity(),
              now,
              hold.expiresAt(),
              UUID.randomUUID(),
              key.map(IdempotencyKey::key).orElse(null),
              key.map(IdempotencyKey::requestHash).orElse(null),
              TraceParent.current());
      metrics.holdsExpired(holding.holdsExpired());
      return holding
          .hold()
          .<HoldAttempt>map(HoldAttempt.Held::new)
          .orElseGet(() -> new HoldAttempt.Refused(bookings.findEvent(hold.eventId())));
    } catch (JdbiException e) {
      if (Constraints.violates(e, Constraints.UNIQUE_VIOLATION, Constraints.KEY)) {
        return new HoldAttempt.KeyTaken();
      }
      if (Constraints.violates(e, Constraints.CHECK_VIOLATION, Constraints.TICKET_LIMIT)) {
        return new HoldAttempt.OverLimit();
      }
      throw e;
    }
  }

  @Override
  public Optional<Hold> findById(UUID id) {
    return dao.findById(id);
  }

  @Override
  public Optional<StoredHoldKey> findKey(UUID userId, String key) {
    return dao.findKey(userId, key)
        .map(k -> new StoredHoldKey(k.requestHash(), Optional.ofNullable(k.holdId())));
  }

  @Override
  public Optional<Booking> confirm(
      Hold hold, OutboxMessage.BookingCreated booking, List<String> codes, Instant now) {
    return dao.confirm(
        hold.id(),
        booking.bookingId(),
        booking.ticketIds().toArray(UUID[]::new),
        codes.toArray(String[]::new),
        now,
        booking.id(),
        encoding.json(booking),
        TraceParent.current());
  }

  @Override
  public boolean release(Hold hold, UUID actorId, Instant now) {
    String cause = hold.userId().equals(actorId) ? "USER" : "ADMIN";
    return dao.release(hold.id(), actorId, cause, now, UUID.randomUUID(), TraceParent.current())
        > 0;
  }

  @Override
  public int reclaimLapsed(UUID eventId, Instant now) {
    int reclaimed = dao.reclaimLapsed(eventId, now, TraceParent.current());
    metrics.holdsExpired(reclaimed);
    return reclaimed;
  }

  @Override
  public int releaseAllOfEvent(UUID eventId, UUID actorId, Instant now) {
    return dao.releaseAllOfEvent(eventId, actorId, now, TraceParent.current());
  }

  @Override
  public List<UUID> eventsWithLapsedHolds(Instant now, int limit) {
    return dao.eventsWithLapsedHolds(now, limit);
  }

  @Override
  public boolean lockEventUnlessBusy(UUID eventId) {
    return dao.lockEventUnlessBusy(eventId) > 0;
  }
}
