package boxoffice.app.domain;

/**
 * The stable, machine-readable reason of a refusal, sent as the {@code code} member of a problem
 * body. Clients switch on these names, so a name never changes meaning once released.
 */
public enum ProblemCode {
  /** Fewer seats are left than requested. */
  SOLD_OUT,
  /** The booking would take the user past the event's {@code maxTicketsPerUser}. */
  LIMIT_REACHED,
  /** The event is not published, or has started. */
  EVENT_NOT_BOOKABLE,
  /** The event has started: its bookings and tickets can no longer be cancelled. */
  CANCELLATION_CLOSED,
  /** Concurrent bookings kept taking the seats this one was about to get; retrying may succeed. */
  SEATS_CONTENDED,
  /** The {@code Idempotency-Key} was already used for a different request (422). */
  IDEMPOTENCY_KEY_REUSED,
  /** A request with the same {@code Idempotency-Key} is still being processed. */
  REQUEST_IN_PROGRESS,
  /** An account with this email exists. */
  EMAIL_TAKEN,
  /** A cancelled or completed event can no longer be edited. */
  EVENT_FINAL,
  /** The requested status move is not allowed from the current status. */
  INVALID_STATUS_TRANSITION,
  /** The capacity asked for is below the seats already booked. */
  CAPACITY_BELOW_BOOKED,
  /** The event has confirmed bookings, so it is cancelled rather than deleted. */
  EVENT_HAS_BOOKINGS,
  /** The resource changed since the version the client sent ({@code If-Match}) or read. */
  VERSION_MISMATCH,
  /** The ticket was checked in already; the problem names the first {@code checkedInAt}. */
  ALREADY_CHECKED_IN,
  /** The ticket was cancelled. */
  TICKET_VOID,
  /** No ticket of this event has this code. */
  TICKET_NOT_FOUND,
  /** A checked-in ticket cannot be cancelled; undo the check-in first. */
  TICKET_USED,
  /** Check-in is open only from some hours before the start until the end of the event. */
  CHECK_IN_CLOSED,
  /** Only holders of a valid or used ticket may rate, and only once the event has started. */
  NOT_AN_ATTENDEE,
  /** The change would leave no administrator. */
  LAST_ADMIN,
  /** The hold's deadline has passed: its seats are free again. */
  HOLD_EXPIRED,
  /** The hold was released (or expired and was reclaimed); it can no longer be confirmed. */
  HOLD_RELEASED,
  /** The hold became a booking: cancel the booking instead of releasing the hold. */
  HOLD_CONFIRMED,
  /** Enough seats are available: book or hold them instead of joining the waiting list. */
  SEATS_AVAILABLE,
  /** The user already has an entry in this event's waiting list. */
  ALREADY_WAITING,
  /** The operation needs a role the caller does not have. */
  ROLE_REQUIRED,
  /** Only the author of a comment, or an administrator, may delete it. */
  NOT_THE_AUTHOR
}
