package boxoffice.app.service;

import boxoffice.app.domain.Event;
import java.time.Duration;
import java.time.Instant;

/**
 * The configured ticket rules: the per-user limit of events created without one, and how long
 * before an event starts its doors open for check-in (they close when it ends), and the time zone
 * of events created without one.
 */
public record TicketRules(
    int defaultMaxTicketsPerUser, Duration checkInOpensBefore, String defaultTimeZone) {
  /** Whether tickets of {@code event} may be checked in (or a check-in undone) at {@code now}. */
  public boolean checkInOpen(Event event, Instant now) {
    return !now.isBefore(event.startsAt().minus(checkInOpensBefore))
        && now.isBefore(event.endsAt());
  }
}
