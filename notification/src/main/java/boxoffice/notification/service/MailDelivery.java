package boxoffice.notification.service;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends one email, retrying a failing mail server as the {@link RetryPolicy} says. */
final class MailDelivery {
  private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);
  private static final int MAX_REASON_LENGTH = 300;

  private final MailSender sender;
  private final RetryPolicy policy;

  MailDelivery(MailSender sender, RetryPolicy policy) {
    this.sender = sender;
    this.policy = policy;
  }

  /** Empty when the email was sent; otherwise the last failure once retrying is over. */
  Optional<Failure> send(Email email, Progress progress) {
    for (int attempt = 1; ; attempt++) {
      try {
        sender.send(email);
        return Optional.empty();
      } catch (MailDeliveryException e) {
        LOG.warn(
            "sending to user {} failed (attempt {} of {}): {}",
            email.to().userId(),
            attempt,
            policy.maxAttempts(),
            e.getMessage());
        if (!e.retryable() || attempt >= policy.maxAttempts()) {
          return Optional.of(new Failure(describe(e, attempt), e.failure()));
        }
      }
      progress.pause(policy.delayAfter(attempt));
    }
  }

  private static String describe(MailDeliveryException e, int attempts) {
    String message = String.valueOf(e.getMessage()).replaceAll("\\s+", " ").strip();
    if (message.length() > MAX_REASON_LENGTH) {
      message = message.substring(0, MAX_REASON_LENGTH) + "...";
    }
    return "SMTP delivery failed after " + attempts + " attempt(s): " + message;
  }

  /** Why an email could not be sent, in words and as a kind. */
  record Failure(String reason, EmailFailure kind) {

    /** Only this recipient failed: the mail server may still take emails to others. */
    boolean recipientRefused() {
      return kind != EmailFailure.SERVER_FAILURE;
    }
  }
}
