package boxoffice.notification.functional;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** An email GreenMail received, taken apart for assertions. */
record ReceivedEmail(
    String to,
    String toName,
    String from,
    String subject,
    String contentType,
    String text,
    String html,
    String messageId,
    List<Image> images,
    long size) {

  /** An image part, wherever it sits in the email's MIME tree. */
  record Image(String contentType, String contentId, String disposition, byte[] bytes) {}

  static ReceivedEmail of(MimeMessage message) {
    try {
      InternetAddress to = (InternetAddress) message.getRecipients(Message.RecipientType.TO)[0];
      Parts parts = new Parts();
      parts.walk(message);
      String[] id = message.getHeader("X-Boxoffice-Message-Id");
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      message.writeTo(raw);
      return new ReceivedEmail(
          to.getAddress(),
          to.getPersonal(),
          message.getFrom()[0].toString(),
          message.getSubject(),
          message.getContentType(),
          parts.text,
          parts.html,
          id == null ? null : id[0],
          List.copyOf(parts.images),
          raw.size());
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("unreadable email: " + e.getMessage(), e);
    }
  }

  /** The text, HTML and image parts found in a depth-first walk of the MIME tree. */
  private static final class Parts {
    String text;
    String html;
    final List<Image> images = new ArrayList<>();

    void walk(Part part) throws MessagingException, IOException {
      if (part.isMimeType("multipart/*")) {
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
          walk(multipart.getBodyPart(i));
        }
      } else if (part.isMimeType("text/plain") && text == null) {
        text = (String) part.getContent();
      } else if (part.isMimeType("text/html") && html == null) {
        html = (String) part.getContent();
      } else if (part.isMimeType("image/*") && part instanceof BodyPart body) {
        String[] contentId = body.getHeader("Content-ID");
        try (InputStream in = body.getInputStream()) {
          images.add(
              new Image(
                  body.getContentType(),
                  contentId == null ? null : contentId[0],
                  body.getDisposition(),
                  in.readAllBytes()));
        }
      }
    }
  }
}
