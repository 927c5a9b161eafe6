package boxoffice.app.domain;

/** VALID → USED at check-in (undo goes back); VALID → VOID when the ticket is cancelled. */
public enum TicketStatus {
  VALID,
  USED,
  VOID
}
