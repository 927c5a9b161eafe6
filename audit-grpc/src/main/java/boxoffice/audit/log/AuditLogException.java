package boxoffice.audit.log;

/** Why the audit log could not do what it was asked; the transport maps each kind to a status. */
public abstract sealed class AuditLogException extends RuntimeException
    permits InvalidRequestException, DeadlinePassedException, StoreUnavailableException {
  private static final long serialVersionUID = 1L;

  AuditLogException(String message, Throwable cause) {
    super(message, cause);
  }
}
