package boxoffice.app.service;

import boxoffice.app.domain.ConflictException;
import boxoffice.app.domain.Event;
import boxoffice.app.domain.EventStatus;
import boxoffice.app.domain.NotFoundException;
import boxoffice.app.domain.ProblemCode;
import boxoffice.app.domain.SoldOutException;
import java.time.Instant;
import java.util.Optional;

/** Why seats could not be taken, read from the event as the database has it after the refusal. */
final class SeatRefusals {
  private SeatRefusals() {}

  /** Empty when that event could take {@code quantity} seats after all (they were freed since). */
  static Optional<RuntimeException> whyRefused(Optional<Event> current, int quantity, Instant now) {
    Optional<Event> found = current.filter(e -> e.isVisibleTo(false));
    if (found.isEmpty()) {
      return Optional.of(new NotFoundException("No such event"));
    }
    Event event = found.get();
    if (event.status() != EventStatus.PUBLISHED) {
      return Optional.of(
          new ConflictException(
              ProblemCode.EVENT_NOT_BOOKABLE,
              "The event is " + event.status() + " and cannot be booked"));
    }
    if (event.hasStarted(now)) {
      return Optional.of(
          new ConflictException(ProblemCode.EVENT_NOT_BOOKABLE, "The event has already started"));
    }
    int available = event.seatsAvailable(now);
    if (available < quantity) {
      return Optional.of(new SoldOutException(available));
    }
    return Optional.empty();
  }
}
