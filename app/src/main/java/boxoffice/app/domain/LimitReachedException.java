package boxoffice.app.domain;

/** The booking would take the user past the event's tickets-per-user limit. */
public final class LimitReachedException extends DomainException {
  private static final long serialVersionUID = 1L;
  private final int remaining;

  public LimitReachedException(int limit, int remaining) {
    super(
        ProblemCode.LIMIT_REACHED,
        "At most "
            + limit
            + " tickets per person for this event; you may book "
            + remaining
            + " more");
    this.remaining = remaining;
  }

  /** How many more tickets the user may still book. */
  public int remaining() {
    return remaining;
  }
}
