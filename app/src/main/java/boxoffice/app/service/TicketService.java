package boxoffice.app.service;

import boxoffice.app.domain.CheckIn;
import boxoffice.app.domain.CheckInSummary;
import boxoffice.app.domain.Principal;
import boxoffice.app.domain.Ticket;
import java.util.List;
import java.util.UUID;

/** Use cases of tickets: the holder's view, cancelling one seat, and the door. */
public interface TicketService {
  /** The tickets of a booking of the caller (administrators: any booking). */
  List<Ticket> ofBooking(Principal caller, UUID bookingId);

  /** A ticket of the caller (administrators: any ticket). */
  Ticket get(Principal caller, UUID ticketId);

  /** Voids one ticket and frees its seat, until the event starts. Cancelling twice is a no-op. */
  Ticket cancel(Principal caller, UUID ticketId);

  /** Admits the holder of {@code code} to the event, once. */
  CheckIn checkIn(Principal staff, UUID eventId, String code);

  /** Undoes a check-in (a mistaken scan). Undoing a ticket that is not checked in is a no-op. */
  void undoCheckIn(Principal staff, UUID eventId, UUID ticketId);

  CheckInSummary summary(Principal staff, UUID eventId);
}
