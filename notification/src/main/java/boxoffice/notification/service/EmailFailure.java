package boxoffice.notification.service;

/** Why an email was given up on, once retrying is over: a short, fixed list, fit for metrics. */
public enum EmailFailure {
  /** The mail server refused this recipient; others may still be reachable. */
  RECIPIENT_REFUSED,
  /** The recipient's address cannot be written in an email at all. */
  UNUSABLE_ADDRESS,
  /** The mail server was unreachable, timed out or failed the session. */
  SERVER_FAILURE
}
