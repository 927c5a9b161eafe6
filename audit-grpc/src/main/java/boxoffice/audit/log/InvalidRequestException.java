package boxoffice.audit.log;

/** The request itself is wrong; the message says which field and why, and can go to the caller. */
public final class InvalidRequestException extends AuditLogException {
  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String message) {
    super(message, null);
  }
}
