package boxoffice.app.service;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Tidies lapsed holds up: marks them EXPIRED, which records them in the audit log and lowers the
 * counters. Correctness never waits for it: every statement that takes seats reclaims the event's
 * lapsed holds itself. Events another transaction has locked are skipped (SKIP LOCKED): that one
 * reclaims them, or the next sweep does; so app instances never wait on each other here.
 */
public final class HoldSweeper {
  /** Events handled per sweep; the rest wait for the next one. */
  static final int BATCH = 100;

  private final Transactions transactions;
  private final HoldRepository holds;
  private final Clock clock;

  @Inject
  public HoldSweeper(Transactions transactions, HoldRepository holds, Clock clock) {
    this.transactions = transactions;
    this.holds = holds;
    this.clock = clock;
  }

  /** Returns how many holds it reclaimed. */
  public int sweep() {
    Instant now = clock.instant();
    int reclaimed = 0;
    for (UUID eventId : holds.eventsWithLapsedHolds(now, BATCH)) {
      reclaimed +=
          transactions.inTransaction(
              () -> holds.lockEventUnlessBusy(eventId) ? holds.reclaimLapsed(eventId, now) : 0);
    }
    return reclaimed;
  }
}
