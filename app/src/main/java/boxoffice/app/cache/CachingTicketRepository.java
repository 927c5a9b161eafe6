package boxoffice.app.cache;

import boxoffice.app.data.DataModule;
import boxoffice.app.domain.CheckInSummary;
import boxoffice.app.domain.Ticket;
import boxoffice.app.service.OutboxMessage;
import boxoffice.app.service.TicketRepository;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Tickets as stored; a cancelled ticket frees a seat, so its event's cached view goes. */
record CachingTicketRepository(
    @Named(DataModule.DATABASE) TicketRepository database, CacheAside cacheAside)
    implements TicketRepository {
  @Inject
  CachingTicketRepository {}

  @Override
  public Optional<Ticket> cancel(OutboxMessage.TicketCancelled cancellation, Instant now) {
    Optional<Ticket> voided = database.cancel(cancellation, now);
    voided.ifPresent(t -> cacheAside.invalidate(t.eventId()));
    return voided;
  }

  @Override
  public List<Ticket> ofBooking(UUID bookingId) {
    return database.ofBooking(bookingId);
  }

  @Override
  public Optional<Ticket> findById(UUID id) {
    return database.findById(id);
  }

  @Override
  public Optional<Ticket> findByCode(UUID eventId, String code) {
    return database.findByCode(eventId, code);
  }

  @Override
  public boolean checkIn(OutboxMessage.TicketCheckedIn checkIn) {
    return database.checkIn(checkIn);
  }

  @Override
  public boolean undoCheckIn(OutboxMessage.TicketCheckInUndone undo) {
    return database.undoCheckIn(undo);
  }

  @Override
  public CheckInSummary summary(UUID eventId) {
    return database.summary(eventId);
  }
}
