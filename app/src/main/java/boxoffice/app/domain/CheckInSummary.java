package boxoffice.app.domain;

/** The door's count: tickets that admit someone (VALID and USED), and those already used. */
public record CheckInSummary(int tickets, int checkedIn) {}
