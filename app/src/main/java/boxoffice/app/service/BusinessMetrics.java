package boxoffice.app.service;

/** Port: counts what the business cares about. Called after the change has committed. */
public interface BusinessMetrics {
  void bookingCreated(int seats);

  /** {@code cause}: who cancelled, e.g. "user" or "event_cancelled". */
  void bookingsCancelled(String cause, int count);

  void soldOutRefusal();

  /** A booking refused because the user would pass the event's tickets-per-user limit. */
  void limitRefusal();

  /** {@code cause}: "user" or "admin". */
  void ticketCancelled(String cause);

  void ticketCheckedIn();

  /** A check-in refused; {@code code} is one of {@link CheckInRefusal}. */
  void checkInRefused(CheckInRefusal code);

  void checkInUndone();

  /** Why a ticket presented at the door was turned away. */
  enum CheckInRefusal {
    ALREADY_CHECKED_IN,
    TICKET_VOID,
    TICKET_NOT_FOUND,
    CHECK_IN_CLOSED
  }

  void login(boolean succeeded);

  /** Holds by what ended them (or {@code created}): every hold is counted once per step. */
  void hold(HoldStep step);

  /** {@code count} lapsed holds were reclaimed (by a booking, a hold or the sweeper). */
  void holdsExpired(int count);

  /** Waiting-list entries by step. */
  default void waitlist(WaitlistStep step) {
    waitlist(step, 1);
  }

  void waitlist(WaitlistStep step, int count);

  /** A waiting-list entry's steps, as counted. */
  enum WaitlistStep {
    JOINED,
    OFFERED,
    ACCEPTED,
    EXPIRED,
    LEFT,
    CLOSED
  }

  /** A hold's steps, as counted. */
  enum HoldStep {
    CREATED,
    CONFIRMED,
    RELEASED
  }
}
