package boxoffice.notification.service;

/** Who or what cancelled a booking. */
public enum CancellationCause {
  /** The booker cancelled it. */
  USER,
  /** An administrator cancelled it. */
  ADMIN,
  /** The whole event was cancelled, and every booking of it. */
  EVENT_CANCELLED
}
