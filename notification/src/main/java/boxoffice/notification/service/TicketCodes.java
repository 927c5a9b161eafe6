package boxoffice.notification.service;

import java.util.List;
import java.util.UUID;

/**
 * The door codes of a booking's tickets, read from the booking app's data when the confirmation is
 * sent (messages carry ticket ids only: see MESSAGES.md).
 */
public interface TicketCodes {

  /**
   * The codes of those of {@code ticketIds} that exist and belong to the booking, in the order of
   * {@code ticketIds}; the others are left out.
   */
  List<TicketCode> of(UUID bookingId, List<UUID> ticketIds);
}
