package boxoffice.notification.service;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One email to one recipient: a subject, a plain-text body, an HTML alternative and the QR codes
 * the HTML shows inline (none for most emails). The subject is kept on one line whatever the text
 * it was made from.
 */
public record Email(
    UUID messageId,
    Recipient to,
    String subject,
    String text,
    String html,
    List<InlineQrCode> qrCodes) {
  public Email {
    subject = subject.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    qrCodes = List.copyOf(qrCodes);
  }

  /** An email without inline images. */
  public Email(UUID messageId, Recipient to, String subject, String text, String html) {
    this(messageId, to, subject, text, html, List.of());
  }

  /** The bodies may hold ticket codes, which are secrets: they are left out. */
  @Override
  public String toString() {
    return "Email[messageId="
        + messageId
        + ", to="
        + to
        + ", subject="
        + subject
        + ", qrCodes="
        + qrCodes.size()
        + "]";
  }

  /**
   * An image of a QR code holding {@code content}, attached inline and shown by the HTML part as
   * {@code <img src="cid:{contentId}">}; {@code fileName} names it for clients that offer to save
   * it.
   */
  public record InlineQrCode(String contentId, String fileName, String content) {
    public InlineQrCode {
      Objects.requireNonNull(contentId);
      Objects.requireNonNull(fileName);
      Objects.requireNonNull(content);
    }

    /** The content is a ticket code, a secret: left out. */
    @Override
    public String toString() {
      return "InlineQrCode[contentId=" + contentId + "]";
    }
  }
}
