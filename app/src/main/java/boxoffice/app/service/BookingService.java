package boxoffice.app.service;

import boxoffice.app.domain.Booking;
import boxoffice.app.domain.BookingStatus;
import boxoffice.app.domain.Principal;
import java.util.Optional;
import java.util.UUID;

/** Booking and cancelling seats. */
public interface BookingService {
  Booking book(Principal user, BookCommand command);

  Booking get(Principal caller, UUID bookingId);

  /** Cancels the booking; cancelling a cancelled booking changes nothing and returns it. */
  Booking cancel(Principal caller, UUID bookingId);

  Page<Booking> listMine(
      Principal user, Optional<BookingStatus> status, PageRequest<BookingKey> page);

  Page<Booking> listOfEvent(Principal admin, UUID eventId, PageRequest<BookingKey> page);
}
