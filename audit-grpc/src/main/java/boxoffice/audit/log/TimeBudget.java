package boxoffice.audit.log;

import java.time.Duration;

/**
 * How long a piece of work may still take: the caller's remaining deadline, capped by the
 * configured statement timeout. Long operations check it between steps and hand {@link
 * #remaining()} to the database as the statement timeout.
 */
public interface TimeBudget {

  /** Time left; zero or negative once spent. */
  Duration remaining();

  /** True once the caller has gone: its deadline passed or it cancelled the call. */
  boolean abandoned();

  /** Throws {@link DeadlinePassedException} when the budget is spent or the caller has gone. */
  default void check() {
    if (abandoned() || !remaining().isPositive()) {
      throw new DeadlinePassedException("the deadline passed; the work was abandoned");
    }
  }
}
