package boxoffice.notification.service;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * What a waiting-list email says of the user's place on the list (schema version 3): the entry, how
 * many seats it asks for, and the event with its own time zone, which every waiting-list message
 * names.
 */
sealed interface WaitlistEntry
    permits WaitlistOffered, WaitlistOfferExpired, WaitlistLeft, WaitlistClosed {
  UUID entryId();

  UUID userId();

  int quantity();

  String eventTitle();

  Instant startsAt();

  String venue();

  ZoneId timeZone();
}
