package boxoffice.notification.service;

/**
 * Who cancelled a single ticket. A whole event's cancellation is told per booking ({@link
 * CancellationCause#EVENT_CANCELLED}), never per ticket.
 */
public enum TicketCancellationCause {
  /** The booker gave the ticket back. */
  USER,
  /** An administrator voided it. */
  ADMIN
}
