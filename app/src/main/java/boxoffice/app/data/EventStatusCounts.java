package boxoffice.app.data;

import boxoffice.app.domain.EventStatus;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * How many events each status has, for the metrics gauge. Counting a large table costs a scan, so
 * the answer is reused for {@link #MAX_AGE}.
 */
public final class EventStatusCounts {
  static final Duration MAX_AGE = Duration.ofSeconds(30);

  private final Jdbi jdbi;
  private final Clock clock;
  private volatile Snapshot last = new Snapshot(Map.of(), Instant.MIN);

  @Inject
  EventStatusCounts(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  private record Snapshot(Map<EventStatus, Long> counts, Instant takenAt) {}

  public Map<EventStatus, Long> byStatus() {
    Instant now = clock.instant();
    Snapshot snapshot = last;
    if (Duration.between(snapshot.takenAt(), now).compareTo(MAX_AGE) < 0) {
      return snapshot.counts();
    }
    Map<EventStatus, Long> counts = new EnumMap<>(EventStatus.class);
    for (EventStatus status : EventStatus.values()) {
      counts.put(status, 0L);
    }
    jdbi.useHandle(
        handle ->
            handle
                .createQuery("SELECT status, count(*) AS n FROM events GROUP BY status")
                .map(
                    (rs, ctx) ->
                        Map.entry(EventStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
    last = new Snapshot(Map.copyOf(counts), now);
    return last.counts();
  }
}
