package boxoffice.app.service;

import boxoffice.app.domain.WaitlistEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: waiting lists. Offers, expiries and closings are made with the event row locked first
 * ({@link EventRepository#findByIdForUpdate} or {@link HoldRepository#lockEventUnlessBusy}), so two
 * app instances never offer the same seats.
 */
public interface WaitlistRepository {
  /** Adds the entry at the end of the line; empty when the user already has one in line. */
  Optional<WaitlistEntry> join(UUID id, UUID eventId, UUID userId, int quantity, Instant now);

  Optional<WaitlistEntry> findById(UUID id);

  List<WaitlistEntry> listOfUser(UUID userId, Optional<BookingKey> after, int limit);

  /** The event's entries in join order, after the entry of {@code afterOrder}. */
  List<WaitlistEntry> listOfEvent(UUID eventId, long afterOrder, int limit);

  /** The entries still waiting, in join order. The caller holds the event row lock. */
  List<WaitlistEntry> waiting(UUID eventId, int limit);

  /** Offers the entry a hold until {@code expiresAt}; false when it no longer waits. */
  boolean offer(WaitlistEntry entry, UUID holdId, Instant expiresAt, Instant now);

  /** Ends the event's offers past their deadline and returns them. */
  List<WaitlistEntry> expireOffers(UUID eventId, Instant now);

  /** The entry whose offered hold was confirmed, now ACCEPTED; empty if the hold was no offer. */
  Optional<WaitlistEntry> accept(UUID holdId, Instant now);

  /** The entry whose offered hold was released (the offer declined), now LEFT. */
  Optional<WaitlistEntry> declineOffer(UUID holdId, Instant now);

  /** Takes the entry off the list; empty when it was no longer in line. */
  Optional<WaitlistEntry> leave(UUID entryId, Instant now);

  /** Ends every entry of the event still in line and returns them. */
  List<WaitlistEntry> close(UUID eventId, Instant now);

  /** Events whose list needs the offer worker now. */
  List<UUID> eventsToServe(Instant now, int limit);
}
