package boxoffice.notification.service;

import java.time.Instant;
import java.util.UUID;

/** What a booker's email says about the booking: the event, when and where, and the tickets. */
interface BookedSeats {
  UUID bookingId();

  String eventTitle();

  Instant startsAt();

  String venue();

  int quantity();
}
