package boxoffice.notification.transport;

import java.util.Locale;

/** Why a message went to the dead-letter topic: a short, fixed list, fit for metrics and spans. */
public enum DeadLetterCause {
  /** The message breaks the contract (MESSAGES.md): not JSON, unknown type, missing field... */
  MALFORMED,
  /** The mail server did not take every email, even after retrying. */
  UNDELIVERABLE,
  /** Handling failed in a way nobody planned for: a defect, or data the code did not expect. */
  UNEXPECTED_ERROR;

  /** The lower-case name, as a label value. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
