package boxoffice.notification.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Who to email: read from the booking app's data at the time a message is handled. */
public interface RecipientDirectory {

  /** The user with this id, if the account still exists. */
  Optional<Recipient> user(UUID userId);

  /**
   * Up to {@code limit} holders of a confirmed booking of the event, one per user however many
   * bookings they hold, in ascending user id order after {@code after} (the last id of the previous
   * page; empty for the first page).
   */
  List<Recipient> holders(UUID eventId, Optional<UUID> after, int limit);
}
