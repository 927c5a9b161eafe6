package boxoffice.app.service;

import boxoffice.app.domain.Principal;
import boxoffice.app.domain.WaitlistEntry;
import java.util.UUID;

/** Waiting for seats of a sold-out event, and leaving the line. */
public interface WaitlistService {
  /** Joins the event's line for {@code quantity} seats, when fewer are available. */
  WaitlistEntry join(Principal user, UUID eventId, Integer quantity);

  Page<WaitlistEntry> listMine(Principal user, PageRequest<BookingKey> page);

  /** Leaves the line (an offer's hold is released); leaving twice changes nothing. */
  void leave(Principal owner, UUID entryId);

  /** The event's entries in join order, for administrators; the key is the last entry's order. */
  Page<WaitlistEntry> listOfEvent(Principal admin, UUID eventId, PageRequest<Long> page);
}
