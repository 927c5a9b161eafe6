package boxoffice.notification.service;

/**
 * The caller withdrew the message being handled (the service is stopping, or the message's
 * partition moved to another consumer). Whatever was emailed so far is recorded; the rest is done
 * when the message is delivered again.
 */
public final class ProcessingAbandoned extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ProcessingAbandoned(String message) {
    super(message);
  }
}
