package boxoffice.audit.log;

/**
 * The caller's deadline passed, the caller went away, or the database did not answer within the
 * statement timeout; the work was abandoned and its transaction rolled back.
 */
public final class DeadlinePassedException extends AuditLogException {
  private static final long serialVersionUID = 1L;

  public DeadlinePassedException(String message, Throwable cause) {
    super(message, cause);
  }

  public DeadlinePassedException(String message) {
    this(message, null);
  }
}
