package boxoffice.app.domain;

/**
 * Where a waiting-list entry is: WAITING in line, OFFERED a hold, then ACCEPTED (hold confirmed),
 * EXPIRED (offer lapsed), LEFT (by the user) or CLOSED (the event was cancelled, completed or
 * started).
 */
public enum WaitlistStatus {
  WAITING,
  OFFERED,
  ACCEPTED,
  EXPIRED,
  LEFT,
  CLOSED;

  public boolean isActive() {
    return this == WAITING || this == OFFERED;
  }
}
