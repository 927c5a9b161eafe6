package boxoffice.app.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The seats of an event's ACTIVE holds with their deadlines. A hold counts until its deadline and
 * not after, whether or not the database has reclaimed it yet, so a copy read earlier (a cached
 * view) still tells the seats held at any later instant.
 */
public record HeldSeats(List<Until> holds) {
  public static final HeldSeats NONE = new HeldSeats(List.of());

  /** Seats held until {@code expiresAt} (exclusive). */
  public record Until(Instant expiresAt, int seats) {}

  public HeldSeats {
    holds = List.copyOf(holds);
  }

  /** Seats held at {@code now}. */
  public int at(Instant now) {
    int seats = 0;
    for (Until hold : holds) {
      if (hold.expiresAt().isAfter(now)) {
        seats += hold.seats();
      }
    }
    return seats;
  }

  /** The next instant after {@code now} at which the seats held change by themselves. */
  public Optional<Instant> nextExpiryAfter(Instant now) {
    return holds.stream().map(Until::expiresAt).filter(t -> t.isAfter(now)).min(Instant::compareTo);
  }
}
