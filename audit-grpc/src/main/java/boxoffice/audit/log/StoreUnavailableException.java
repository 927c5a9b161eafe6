package boxoffice.audit.log;

/** The audit database cannot be reached or refuses connections; a retry may succeed. */
public final class StoreUnavailableException extends AuditLogException {
  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
