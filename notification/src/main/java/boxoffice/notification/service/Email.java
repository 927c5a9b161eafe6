package boxoffice.notification.service;

import java.util.UUID;

/**
 * One email to one recipient: a subject, a plain-text body and an HTML alternative. The subject is
 * kept on one line whatever the text it was made from.
 */
public record Email(UUID messageId, Recipient to, String subject, String text, String html) {
  public Email {
    subject = subject.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
  }
}
