package boxoffice.notification.service;

/** How handling one message ended. */
public sealed interface Outcome {

  /** Everyone who should hear about the message has been emailed (now or before). */
  record Delivered(int sent, int alreadySent) implements Outcome {}

  /** The message cannot be delivered now; the reason says why, for the dead-letter topic. */
  record Undeliverable(String reason) implements Outcome {}
}
