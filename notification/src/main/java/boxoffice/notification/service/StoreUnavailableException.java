package boxoffice.notification.service;

/**
 * A database the service reads or writes failed. The message is not at fault: it is handled again
 * later instead of being dead-lettered.
 */
public final class StoreUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
