package boxoffice.notification.service;

import java.time.Instant;
import java.util.Optional;

/** What moved in a rescheduled event; at least one of the three is present. */
public record EventChanges(
    Optional<Change<Instant>> startsAt,
    Optional<Change<Instant>> endsAt,
    Optional<Change<String>> venue) {

  public EventChanges {
    if (startsAt.isEmpty() && endsAt.isEmpty() && venue.isEmpty()) {
      throw new IllegalArgumentException("an event change names startsAt, endsAt or venue");
    }
  }

  public boolean timeChanged() {
    return startsAt.isPresent() || endsAt.isPresent();
  }

  /** A value before and after the change. */
  public record Change<T>(T before, T after) {}
}
