package boxoffice.notification.service;

/** Hands an email to the mail server. */
public interface MailSender {
  void send(Email email) throws MailDeliveryException;
}
