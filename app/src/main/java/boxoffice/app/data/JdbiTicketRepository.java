package boxoffice.app.data;

import boxoffice.app.domain.CheckInSummary;
import boxoffice.app.domain.Ticket;
import boxoffice.app.domain.TicketStatus;
import boxoffice.app.service.OutboxEncoding;
import boxoffice.app.service.OutboxMessage;
import boxoffice.app.service.TicketRepository;
import boxoffice.platform.TraceParent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Tickets in PostgreSQL. */
final class JdbiTicketRepository implements TicketRepository {
  private final TicketDao dao;
  private final OutboxEncoding encoding;

  @Inject
  JdbiTicketRepository(TicketDao dao, OutboxEncoding encoding) {
    this.dao = dao;
    this.encoding = encoding;
  }

  @Override
  public List<Ticket> ofBooking(UUID bookingId) {
    return dao.ofBooking(bookingId);
  }

  @Override
  public Optional<Ticket> findById(UUID id) {
    return dao.findById(id);
  }

  @Override
  public Optional<Ticket> findByCode(UUID eventId, String code) {
    return dao.findByCode(eventId, code);
  }

  @Override
  public Optional<Ticket> cancel(OutboxMessage.TicketCancelled cancellation, Instant now) {
    return dao.cancel(
        cancellation.ticketId(),
        cancellation.cancelledBy(),
        now,
        cancellation.id(),
        cancellation.type().wireName(),
        encoding.json(cancellation),
        TraceParent.current());
  }

  @Override
  public boolean checkIn(OutboxMessage.TicketCheckedIn checkIn) {
    return move(
        checkIn,
        checkIn.ticketId(),
        TicketStatus.VALID,
        TicketStatus.USED,
        checkIn.checkedInAt(),
        checkIn.staffId());
  }

  @Override
  public boolean undoCheckIn(OutboxMessage.TicketCheckInUndone undo) {
    return move(undo, undo.ticketId(), TicketStatus.USED, TicketStatus.VALID, null, undo.staffId());
  }

  private boolean move(
      OutboxMessage message,
      UUID ticketId,
      TicketStatus from,
      TicketStatus to,
      Instant checkedInAt,
      UUID actorId) {
    return dao.move(
            ticketId,
            from.name(),
            to.name(),
            checkedInAt,
            actorId,
            message.id(),
            message.type().wireName(),
            encoding.json(message),
            TraceParent.current())
        == 1;
  }

  @Override
  public CheckInSummary summary(UUID eventId) {
    return dao.summary(eventId);
  }
}
