package boxoffice.notification.functional;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;

/** An email GreenMail received, taken apart for assertions. */
record ReceivedEmail(
    String to,
    String toName,
    String from,
    String subject,
    String contentType,
    String text,
    String html,
    String messageId) {

  static ReceivedEmail of(MimeMessage message) {
    try {
      InternetAddress to = (InternetAddress) message.getRecipients(Message.RecipientType.TO)[0];
      String text = null;
      String html = null;
      if (message.getContent() instanceof MimeMultipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart part = multipart.getBodyPart(i);
          if (part.isMimeType("text/plain")) {
            text = (String) part.getContent();
          } else if (part.isMimeType("text/html")) {
            html = (String) part.getContent();
          }
        }
      }
      String[] id = message.getHeader("X-Boxoffice-Message-Id");
      return new ReceivedEmail(
          to.getAddress(),
          to.getPersonal(),
          message.getFrom()[0].toString(),
          message.getSubject(),
          message.getContentType(),
          text,
          html,
          id == null ? null : id[0]);
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("unreadable email: " + e.getMessage(), e);
    }
  }
}
