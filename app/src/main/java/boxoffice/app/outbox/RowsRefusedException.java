package boxoffice.app.outbox;

/**
 * The destination refused the rows for a reason that sending them again cannot change (the audit
 * service finds an entry invalid, Kafka finds a record too large). Any other exception from a
 * publisher is taken as transient and retried with backoff.
 */
final class RowsRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RowsRefusedException(String reason, Throwable cause) {
    super(reason, cause);
  }

  /** What the destination said, without any row content. */
  String reason() {
    return getMessage();
  }
}
