package boxoffice.notification.service;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notification use case: works out who hears about a message, emails each of them once, and
 * records every email right after it is sent, so a message delivered again (or a fan-out cut short
 * by a crash) only reaches those not emailed yet.
 */
public final class NotificationHandler {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationHandler.class);
  static final int HOLDER_PAGE_SIZE = 500;

  private final RecipientDirectory directory;
  private final TicketCodes ticketCodes;
  private final SentLog sentLog;
  private final MailDelivery delivery;
  private final ZoneId mailTimeZone;
  private final EmailRenderer renderer = new EmailRenderer();

  public NotificationHandler(
      RecipientDirectory directory,
      TicketCodes ticketCodes,
      SentLog sentLog,
      MailSender sender,
      RetryPolicy retryPolicy,
      ZoneId mailTimeZone) {
    this.directory = directory;
    this.ticketCodes = ticketCodes;
    this.sentLog = sentLog;
    this.delivery = new MailDelivery(sender, retryPolicy);
    this.mailTimeZone = mailTimeZone;
  }

  /**
   * Handles one message, showing times in its event's time zone when it names one, else in the
   * configured zone. Throws {@link StoreUnavailableException} when a database fails and {@link
   * ProcessingAbandoned} when {@code progress} withdraws the work; either way nothing is lost, as
   * what was sent is recorded and the rest is sent when the message is handled again.
   */
  public Outcome handle(ZonedNotification message, Progress progress) {
    EmailComposer composer = new EmailComposer(message.timeZone().orElse(mailTimeZone));
    return switch (message.notification()) {
      case BookingCreated booking ->
          toUser(
              booking,
              booking.userId(),
              to -> composer.bookingConfirmed(booking, tickets(booking), to),
              progress);
      case BookingCancelled booking ->
          toUser(booking, booking.userId(), to -> composer.bookingCancelled(booking, to), progress);
      case TicketCancelled ticket ->
          toUser(ticket, ticket.userId(), to -> composer.ticketCancelled(ticket, to), progress);
      case EventRescheduled event -> toHolders(event, composer, progress);
      case WaitlistOffered offer ->
          toUser(offer, offer.userId(), to -> composer.waitlistOffered(offer, to), progress);
      case WaitlistOfferExpired expired ->
          toUser(
              expired,
              expired.userId(),
              to -> composer.waitlistOfferExpired(expired, to),
              progress);
      case WaitlistLeft left ->
          toUser(left, left.userId(), to -> composer.waitlistLeft(left, to), progress);
      case WaitlistClosed closed ->
          toUser(closed, closed.userId(), to -> composer.waitlistClosed(closed, to), progress);
    };
  }

  /**
   * Handles a notification without a time zone beside it: a waiting-list one is shown in its own
   * zone, the others in the configured one.
   */
  public Outcome handle(Notification notification, Progress progress) {
    return handle(new ZonedNotification(notification), progress);
  }

  /**
   * The codes of the booking's tickets, read when the confirmation is about to be sent (never for a
   * recipient already emailed). A ticket the app no longer has is left out of the email.
   */
  private List<TicketCode> tickets(BookingCreated booking) {
    if (booking.ticketIds().isEmpty()) {
      return List.of();
    }
    List<TicketCode> found = ticketCodes.of(booking.bookingId(), booking.ticketIds());
    if (found.size() < booking.ticketIds().size()) {
      LOG.warn(
          "booking {}: {} of its {} ticket(s) not found; the confirmation lists the others",
          booking.bookingId(),
          booking.ticketIds().size() - found.size(),
          booking.ticketIds().size());
    }
    return found;
  }

  private Outcome toUser(
      Notification message,
      UUID userId,
      Function<Recipient, EmailContent> compose,
      Progress progress) {
    Optional<Recipient> recipient = directory.user(userId);
    if (recipient.isEmpty()) {
      LOG.warn("user {} no longer exists; nobody to email", userId);
      return new Outcome.Delivered(0, 0);
    }
    Tally tally = new Tally();
    send(message, List.of(recipient.get()), compose, tally, progress);
    return tally.outcome();
  }

  private Outcome toHolders(EventRescheduled event, EmailComposer composer, Progress progress) {
    Tally tally = new Tally();
    Optional<UUID> after = Optional.empty();
    List<Recipient> page;
    do {
      progress.checkpoint();
      page = directory.holders(event.eventId(), after, HOLDER_PAGE_SIZE);
      send(event, page, to -> composer.eventRescheduled(event, to), tally, progress);
      if (tally.serverFailure != null) {
        break;
      }
      after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1).userId());
    } while (page.size() == HOLDER_PAGE_SIZE);
    return tally.outcome();
  }

  /**
   * Emails those of {@code recipients} not emailed yet. A refused recipient does not stop the
   * others; a mail server that stays unreachable does.
   */
  private void send(
      Notification message,
      List<Recipient> recipients,
      Function<Recipient, EmailContent> compose,
      Tally tally,
      Progress progress) {
    if (recipients.isEmpty()) {
      return;
    }
    Set<UUID> done =
        sentLog.alreadySent(
            message.messageId(), recipients.stream().map(Recipient::userId).toList());
    for (Recipient to : recipients) {
      if (done.contains(to.userId())) {
        tally.alreadySent++;
        continue;
      }
      progress.checkpoint();
      Email email = renderer.render(message.messageId(), to, compose.apply(to));
      Optional<MailDelivery.Failure> failure = delivery.send(email, progress);
      if (failure.isEmpty()) {
        sentLog.recordSent(message.messageId(), to.userId(), message.type());
        tally.sent++;
      } else {
        tally.failed.merge(failure.get().kind(), 1, Integer::sum);
        if (failure.get().recipientRefused()) {
          tally.refused.add(failure.get().reason());
        } else {
          tally.serverFailure = failure.get().reason();
          return;
        }
      }
    }
  }

  /** Counts of one message's recipients as they are worked through. */
  private static final class Tally {
    int sent;
    int alreadySent;
    final List<String> refused = new ArrayList<>();
    final Map<EmailFailure, Integer> failed = new EnumMap<>(EmailFailure.class);
    String serverFailure;

    Outcome outcome() {
      if (serverFailure != null) {
        return new Outcome.Undeliverable(serverFailure, sent, alreadySent, failed);
      }
      if (!refused.isEmpty()) {
        return new Outcome.Undeliverable(
            refused.size()
                + " recipient(s) refused, "
                + sent
                + " emailed; last: "
                + refused.get(refused.size() - 1),
            sent,
            alreadySent,
            failed);
      }
      return new Outcome.Delivered(sent, alreadySent);
    }
  }
}
