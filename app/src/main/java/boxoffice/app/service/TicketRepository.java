package boxoffice.app.service;

import boxoffice.app.domain.CheckInSummary;
import boxoffice.app.domain.Ticket;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: tickets. Every change of a ticket's status is one conditional statement. */
public interface TicketRepository {
  /** A booking's tickets, in a stable order. */
  List<Ticket> ofBooking(UUID bookingId);

  Optional<Ticket> findById(UUID id);

  /** The ticket of {@code eventId} with {@code code}; another event's ticket is not found. */
  Optional<Ticket> findByCode(UUID eventId, String code);

  /**
   * Voids one VALID ticket of an event that has not started and, in the same statement, takes it
   * off its booking's quantity (cancelling the booking with its last ticket), frees its seat,
   * lowers its holder's count and records {@code cancellation}; empty when the ticket was not VALID
   * any more. The caller holds the event row lock ({@link EventRepository#findByIdForUpdate}), as
   * every seat change does.
   */
  Optional<Ticket> cancel(OutboxMessage.TicketCancelled cancellation, Instant now);

  /**
   * Marks a VALID ticket USED and records {@code checkIn}, in one statement; false when it was not
   * VALID any more (a scan at another door won, or it was cancelled).
   */
  boolean checkIn(OutboxMessage.TicketCheckedIn checkIn);

  /** Makes a USED ticket VALID again and records {@code undo}; false when it was not USED. */
  boolean undoCheckIn(OutboxMessage.TicketCheckInUndone undo);

  CheckInSummary summary(UUID eventId);
}
