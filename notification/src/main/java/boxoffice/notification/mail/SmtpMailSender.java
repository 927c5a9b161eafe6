package boxoffice.notification.mail;

import boxoffice.notification.config.NotificationConfig;
import boxoffice.notification.service.Email;
import boxoffice.notification.service.Email.InlineQrCode;
import boxoffice.notification.service.MailDeliveryException;
import boxoffice.notification.service.MailSender;
import boxoffice.platform.qr.QrCodes;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * Sends emails over SMTP with Jakarta Mail (Angus): multipart/alternative with the plain text first
 * and the HTML last, as mail clients prefer the last part they can show. An email with QR codes is
 * multipart/related: the alternative first (the root), then one inline PNG image per QR code, which
 * the HTML refers to by Content-ID (RFC 2387, RFC 2392).
 */
public final class SmtpMailSender implements MailSender {
  /** Header naming the Kafka message an email was sent for, to trace an email back. */
  public static final String MESSAGE_ID_HEADER = "X-Boxoffice-Message-Id";

  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  private final Session session;
  private final InternetAddress from;
  private final NotificationConfig.Smtp smtp;
  private final Clock clock;
  private final SmtpTracing tracing;

  public SmtpMailSender(NotificationConfig.Smtp smtp, Clock clock) {
    this(smtp, clock, OpenTelemetry.noop());
  }

  /** Traces every email sent as a client span of {@code openTelemetry}. */
  public SmtpMailSender(NotificationConfig.Smtp smtp, Clock clock, OpenTelemetry openTelemetry) {
    this.smtp = smtp;
    this.clock = clock;
    this.tracing = new SmtpTracing(openTelemetry, smtp.host(), smtp.port());
    this.session = Session.getInstance(properties(smtp));
    try {
      this.from = new InternetAddress(smtp.from(), true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("smtp.from is not an email address", e);
    }
  }

  private static Properties properties(NotificationConfig.Smtp smtp) {
    Properties props = new Properties();
    String timeout = Long.toString(smtp.timeout().toMillis());
    props.put("mail.transport.protocol", "smtp");
    props.put("mail.smtp.host", smtp.host());
    props.put("mail.smtp.port", Integer.toString(smtp.port()));
    props.put("mail.smtp.auth", Boolean.toString(smtp.authenticated()));
    props.put("mail.smtp.starttls.enable", Boolean.toString(smtp.tls()));
    props.put("mail.smtp.starttls.required", Boolean.toString(smtp.tls()));
    props.put("mail.smtp.ssl.checkserveridentity", "true");
    props.put("mail.smtp.connectiontimeout", timeout);
    props.put("mail.smtp.timeout", timeout);
    props.put("mail.smtp.writetimeout", timeout);
    return props;
  }

  @Override
  public void send(Email email) throws MailDeliveryException {
    Span span = tracing.start();
    try {
      deliver(email);
    } catch (MailDeliveryException e) {
      SmtpTracing.failed(span, e);
      throw e;
    } catch (RuntimeException e) {
      SmtpTracing.failed(span, e);
      throw e;
    } finally {
      span.end();
    }
  }

  private void deliver(Email email) throws MailDeliveryException {
    MimeMessage message;
    try {
      message = compose(email);
    } catch (AddressException | UnsupportedEncodingException e) {
      throw MailDeliveryException.unusableAddress(
          "the recipient's address is not usable: " + e.getMessage(), e);
    } catch (MessagingException e) {
      throw MailDeliveryException.serverFailure(
          "the email could not be built: " + e.getMessage(), e);
    }
    try {
      if (smtp.authenticated()) {
        Transport.send(message, smtp.user(), smtp.password());
      } else {
        Transport.send(message);
      }
    } catch (SendFailedException e) {
      boolean refused = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
      throw refused
          ? MailDeliveryException.recipientRefused(firstLine(e), e)
          : MailDeliveryException.serverFailure(firstLine(e), e);
    } catch (MessagingException e) {
      throw MailDeliveryException.serverFailure(firstLine(e), e);
    }
  }

  private MimeMessage compose(Email email) throws MessagingException, UnsupportedEncodingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(from);
    InternetAddress to = new InternetAddress(email.to().email(), email.to().name(), UTF_8);
    to.validate();
    message.setRecipient(Message.RecipientType.TO, to);
    message.setSubject(email.subject(), UTF_8);
    message.setSentDate(Date.from(clock.instant()));
    message.setHeader(MESSAGE_ID_HEADER, email.messageId().toString());

    MimeBodyPart text = new MimeBodyPart();
    text.setText(email.text(), UTF_8, "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(email.html(), UTF_8, "html");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    if (email.qrCodes().isEmpty()) {
      message.setContent(alternative);
    } else {
      message.setContent(related(alternative, email.qrCodes()));
    }
    message.saveChanges();
    return message;
  }

  private static MimeMultipart related(MimeMultipart alternative, List<InlineQrCode> qrCodes)
      throws MessagingException {
    MimeBodyPart root = new MimeBodyPart();
    root.setContent(alternative);
    MimeMultipart related = new RelatedMultipart(alternative.getContentType());
    related.addBodyPart(root);
    for (InlineQrCode qrCode : qrCodes) {
      MimeBodyPart image = new MimeBodyPart();
      image.setDataHandler(
          new DataHandler(new ByteArrayDataSource(QrCodes.png(qrCode.content()), "image/png")));
      image.setContentID("<" + qrCode.contentId() + ">");
      image.setDisposition(Part.INLINE);
      image.setFileName(qrCode.fileName());
      related.addBodyPart(image);
    }
    return related;
  }

  /** multipart/related naming the type of its root part, as RFC 2387 asks. */
  private static final class RelatedMultipart extends MimeMultipart {
    RelatedMultipart(String rootType) throws MessagingException {
      super("related");
      ContentType type = new ContentType(contentType);
      type.setParameter("type", new ContentType(rootType).getBaseType());
      contentType = type.toString();
    }
  }

  /**
   * The failure and its causes on one line, e.g. "Couldn't connect to host: Connection refused".
   */
  private static String firstLine(Exception e) {
    StringBuilder line = new StringBuilder(String.valueOf(e.getMessage()));
    Throwable cause = e.getCause();
    for (int depth = 0; cause != null && depth < 3; depth++, cause = cause.getCause()) {
      if (cause.getMessage() != null && !line.toString().contains(cause.getMessage())) {
        line.append(": ").append(cause.getMessage());
      }
    }
    return line.toString().replaceAll("\\s+", " ").strip();
  }
}
