package boxoffice.app.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An event with its seat accounting. {@code seatsBooked} counts the tickets of confirmed bookings
 * that are not VOID, {@code held} the seats of holds with their deadlines; one user may hold at
 * most {@code maxTicketsPerUser} tickets and held seats. {@code timeZone} is the IANA zone the
 * event's times are shown in (emails).
 */
public record Event(
    UUID id,
    String title,
    String description,
    String venue,
    Instant startsAt,
    Instant endsAt,
    int capacity,
    int seatsBooked,
    HeldSeats held,
    int maxTicketsPerUser,
    String timeZone,
    EventStatus status,
    int version,
    Instant createdAt,
    Instant updatedAt) {

  /** Seats neither booked nor held at {@code now}. */
  public int seatsAvailable(Instant now) {
    return capacity - seatsBooked - held.at(now);
  }

  public boolean hasStarted(Instant now) {
    return !startsAt.isAfter(now);
  }

  /** Whether the caller may see this event at all (drafts are for administrators). */
  public boolean isVisibleTo(boolean admin) {
    return admin || status.isPublic();
  }

  /**
   * Checks that moving to {@code target} is allowed now; throws {@link ConflictException}
   * explaining why not.
   */
  public void checkMoveTo(EventStatus target, Instant now) {
    if (!status.canMoveTo(target)) {
      throw new ConflictException(
          ProblemCode.INVALID_STATUS_TRANSITION,
          "An event cannot move from " + status + " to " + target);
    }
    if (target == EventStatus.DRAFT && (seatsBooked > 0 || held.at(now) > 0)) {
      throw new ConflictException(
          ProblemCode.INVALID_STATUS_TRANSITION,
          "A published event with confirmed bookings or held seats cannot return to DRAFT;"
              + " cancel it instead");
    }
    if (target == EventStatus.COMPLETED && !hasStarted(now)) {
      throw new ConflictException(
          ProblemCode.INVALID_STATUS_TRANSITION, "An event cannot be completed before it starts");
    }
  }
}
