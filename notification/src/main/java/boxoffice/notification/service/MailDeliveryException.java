package boxoffice.notification.service;

/**
 * The mail server did not take an email. Tells whether only this recipient was refused (others may
 * still be reachable) or the server failed as a whole, and whether trying again can help.
 */
public final class MailDeliveryException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean recipientRefused;
  private final boolean retryable;

  private MailDeliveryException(
      String message, boolean recipientRefused, boolean retryable, Throwable cause) {
    super(message, cause);
    this.recipientRefused = recipientRefused;
    this.retryable = retryable;
  }

  /** The server is unreachable, timed out or refused the session: every email fails alike. */
  public static MailDeliveryException serverFailure(String message, Throwable cause) {
    return new MailDeliveryException(message, false, true, cause);
  }

  /** The server refused this recipient (a 4xx may pass later, so it is retried). */
  public static MailDeliveryException recipientRefused(String message, Throwable cause) {
    return new MailDeliveryException(message, true, true, cause);
  }

  /** The recipient's address cannot be written in an email at all: retrying cannot help. */
  public static MailDeliveryException unusableAddress(String message, Throwable cause) {
    return new MailDeliveryException(message, true, false, cause);
  }

  public boolean recipientRefused() {
    return recipientRefused;
  }

  public boolean retryable() {
    return retryable;
  }

  /** The kind of failure, as counted in metrics. */
  public EmailFailure failure() {
    if (!recipientRefused) {
      return EmailFailure.SERVER_FAILURE;
    }
    return retryable ? EmailFailure.RECIPIENT_REFUSED : EmailFailure.UNUSABLE_ADDRESS;
  }
}
