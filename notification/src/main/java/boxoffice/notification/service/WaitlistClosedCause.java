package boxoffice.notification.service;

/** Why an event's waiting list was closed. */
public enum WaitlistClosedCause {
  /** The event was cancelled. */
  EVENT_CANCELLED,
  /** The event is over. */
  EVENT_COMPLETED,
  /** The event has started: no more seats are offered. */
  EVENT_STARTED
}
