package boxoffice.app.service;

import boxoffice.app.domain.Booking;
import boxoffice.app.domain.Hold;
import boxoffice.app.domain.Principal;
import java.util.UUID;

/** Holding seats for a while, then confirming them as a booking or letting them go. */
public interface HoldService {
  Hold hold(Principal user, HoldCommand command);

  /** The owner's or (for an administrator) anyone's hold, with its status as of now. */
  Hold get(Principal caller, UUID holdId);

  /** Confirms the caller's hold; confirming it again returns the same booking, not created. */
  Confirmation confirm(Principal owner, UUID holdId);

  /** Releases the hold; releasing one that has ended already changes nothing. */
  void release(Principal caller, UUID holdId);

  /** The booking a confirmation produced, and whether this request produced it. */
  record Confirmation(Booking booking, boolean created) {}
}
