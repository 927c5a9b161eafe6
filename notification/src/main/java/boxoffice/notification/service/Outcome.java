package boxoffice.notification.service;

import java.util.Map;

/** How handling one message ended. */
public sealed interface Outcome {

  /** Everyone who should hear about the message has been emailed (now or before). */
  record Delivered(int sent, int alreadySent) implements Outcome {}

  /**
   * The message cannot be delivered now; the reason says why, for the dead-letter topic. Some
   * recipients may have been emailed all the same ({@code sent}, {@code alreadySent}); {@code
   * failed} counts the emails given up on, by kind.
   */
  record Undeliverable(String reason, int sent, int alreadySent, Map<EmailFailure, Integer> failed)
      implements Outcome {
    public Undeliverable {
      failed = Map.copyOf(failed);
    }

    /** Nobody emailed and no email counted as failed. */
    public Undeliverable(String reason) {
      this(reason, 0, 0, Map.of());
    }
  }
}
