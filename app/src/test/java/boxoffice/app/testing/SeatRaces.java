package boxoffice.app.testing;

/**
 * The tests of seat-taking under concurrency (overbooking across instances, idempotency races,
 * ticket limits, holds, cancellations). The build runs them twice: with the shipped configuration
 * (bookings of one event coalesced) and again with {@code booking.coalesce} off (see {@link
 * TestApp#COALESCE_PROPERTY}), so both ways of seating stay exact.
 */
public final class SeatRaces {
  public static final String TAG = "seat-races";

  private SeatRaces() {}
}
