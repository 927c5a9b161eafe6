package boxoffice.notification.transport;

/** The dead-letter topic did not take a message: the message is handled again later. */
final class DeadLetterUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DeadLetterUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
