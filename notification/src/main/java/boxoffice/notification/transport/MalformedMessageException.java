package boxoffice.notification.transport;

/** A message that does not follow the contract; its reason goes to the dead-letter topic. */
public final class MalformedMessageException extends Exception {
  private static final long serialVersionUID = 1L;

  public MalformedMessageException(String reason) {
    super(reason);
  }
}
