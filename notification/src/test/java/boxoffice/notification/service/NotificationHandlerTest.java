package boxoffice.notification.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotificationHandlerTest {
  private static final Instant START = Instant.parse("2027-03-01T19:00:00Z");
  private static final RetryPolicy POLICY =
      new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(10));

  private final Directory directory = new Directory();
  private final Codes codes = new Codes();
  private final MemorySentLog sentLog = new MemorySentLog();
  private final Outbox mail = new Outbox();
  private final FakeProgress progress = new FakeProgress();
  private final UUID rescheduleMessageId = UUID.randomUUID();
  private final NotificationHandler handler =
      new NotificationHandler(directory, codes, sentLog, mail, POLICY, ZoneId.of("UTC"));

  @Test
  void aBookingIsConfirmedToItsBookerAndRecorded() {
    Recipient ada = directory.add("Ada");
    BookingCreated booking = created(ada.userId());

    Outcome outcome = handler.handle(booking, progress);

    assertThat(outcome).isEqualTo(new Outcome.Delivered(1, 0));
    assertThat(mail.sent).extracting(Email::to).containsExactly(ada);
    assertThat(sentLog.alreadySent(booking.messageId(), List.of(ada.userId())))
        .containsExactly(ada.userId());
  }

  @Test
  void aVersion2ConfirmationShowsTheTicketCodesReadAtSendingTimeInTheMessagesOrder() {
    Recipient ada = directory.add("Ada");
    UUID bookingId = UUID.randomUUID();
    TicketCode first = codes.issue(bookingId);
    TicketCode second = codes.issue(bookingId);
    UUID gone = UUID.randomUUID();
    BookingCreated booking =
        createdWithTickets(
            ada.userId(), bookingId, List.of(second.ticketId(), gone, first.ticketId()));

    assertThat(handler.handle(booking, progress)).isEqualTo(new Outcome.Delivered(1, 0));

    Email email = mail.sent.get(0);
    assertThat(email.qrCodes())
        .extracting(Email.InlineQrCode::contentId, Email.InlineQrCode::content)
        .containsExactly(
            tuple("ticket-" + second.ticketId() + "@boxoffice", second.code()),
            tuple("ticket-" + first.ticketId() + "@boxoffice", first.code()));
    assertThat(email.text()).contains(first.code()).contains(second.code());
    assertThat(email.text().indexOf(second.code())).isLessThan(email.text().indexOf(first.code()));
    assertThat(email.toString()).doesNotContain(first.code()).doesNotContain(ada.email());
    assertThat(codes.lookups).isEqualTo(1);
  }

  @Test
  void aRecipientAlreadyEmailedHasNoTicketCodesReadAgain() {
    Recipient ada = directory.add("Ada");
    UUID bookingId = UUID.randomUUID();
    BookingCreated booking =
        createdWithTickets(ada.userId(), bookingId, List.of(codes.issue(bookingId).ticketId()));

    handler.handle(booking, progress);
    assertThat(handler.handle(booking, progress)).isEqualTo(new Outcome.Delivered(0, 1));

    assertThat(codes.lookups).isEqualTo(1);
  }

  @Test
  void aVersion1ConfirmationReadsNoTicketsAndHasNoQrCodes() {
    Recipient ada = directory.add("Ada");

    handler.handle(created(ada.userId()), progress);

    assertThat(mail.sent.get(0).qrCodes()).isEmpty();
    assertThat(codes.lookups).isZero();
  }

  @Test
  void aCancelledTicketIsToldToItsBooker() {
    Recipient ada = directory.add("Ada");
    TicketCancelled ticket =
        new TicketCancelled(
            UUID.randomUUID(),
            START,
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            ada.userId(),
            1,
            TicketCancellationCause.USER,
            "Show",
            START,
            "Hall");

    assertThat(handler.handle(ticket, progress)).isEqualTo(new Outcome.Delivered(1, 0));
    assertThat(mail.sent).extracting(Email::to).containsExactly(ada);
    assertThat(mail.sent.get(0).subject()).isEqualTo("Ticket cancelled: Show");
    assertThat(sentLog.alreadySent(ticket.messageId(), List.of(ada.userId())))
        .containsExactly(ada.userId());
  }

  @Test
  void timesAreShownInTheZoneTheMessageNamesElseInTheConfiguredOne() {
    Recipient ada = directory.add("Ada");

    handler.handle(
        new ZonedNotification(created(ada.userId()), Optional.of(ZoneId.of("Asia/Tokyo"))),
        progress);
    handler.handle(new ZonedNotification(created(ada.userId()), Optional.empty()), progress);

    assertThat(mail.sent.get(0).text()).contains("Tue 2 Mar 2027, 04:00 JST (Asia/Tokyo)");
    assertThat(mail.sent.get(1).text()).contains("Mon 1 Mar 2027, 19:00 UTC");
  }

  @Test
  void aWaitlistOfferIsSentToItsUserOnceInTheEventsZone() {
    Recipient ada = directory.add("Ada");
    WaitlistOffered offer =
        new WaitlistOffered(
            UUID.randomUUID(),
            START,
            UUID.randomUUID(),
            UUID.randomUUID(),
            ada.userId(),
            1,
            UUID.randomUUID(),
            Instant.parse("2027-03-06T19:00:00Z"),
            "Show",
            START,
            "Hall",
            ZoneId.of("Europe/Berlin"));

    assertThat(handler.handle(offer, progress)).isEqualTo(new Outcome.Delivered(1, 0));
    assertThat(handler.handle(offer, progress)).isEqualTo(new Outcome.Delivered(0, 1));

    assertThat(mail.sent).extracting(Email::to).containsExactly(ada);
    assertThat(mail.sent.get(0).subject()).isEqualTo("A seat is yours: Show");
    assertThat(mail.sent.get(0).text())
        .contains("held for you until Sat 6 Mar 2027, 20:00 CET (Europe/Berlin)");
    assertThat(sentLog.alreadySent(offer.messageId(), List.of(ada.userId())))
        .containsExactly(ada.userId());
  }

  @Test
  void aWaitlistMessageForAUserWhoIsGoneEmailsNobody() {
    WaitlistLeft left =
        new WaitlistLeft(
            UUID.randomUUID(),
            START,
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            1,
            "Show",
            START,
            "Hall",
            ZoneId.of("Europe/Berlin"));

    assertThat(handler.handle(left, progress)).isEqualTo(new Outcome.Delivered(0, 0));
    assertThat(mail.sent).isEmpty();
  }

  @Test
  void aMessageHandledAgainSendsNothingMore() {
    Recipient ada = directory.add("Ada");
    BookingCreated booking = created(ada.userId());

    handler.handle(booking, progress);
    Outcome again = handler.handle(booking, progress);

    assertThat(again).isEqualTo(new Outcome.Delivered(0, 1));
    assertThat(mail.sent).hasSize(1);
  }

  @Test
  void aUserWhoNoLongerExistsIsNobodyToEmail() {
    Outcome outcome = handler.handle(created(UUID.randomUUID()), progress);

    assertThat(outcome).isEqualTo(new Outcome.Delivered(0, 0));
    assertThat(mail.sent).isEmpty();
  }

  @Test
  void aFanOutGoesThroughEveryPageOfHolders() {
    UUID event = UUID.randomUUID();
    int holders = NotificationHandler.HOLDER_PAGE_SIZE * 2 + 7;
    for (int i = 0; i < holders; i++) {
      directory.hold(event, directory.add("Holder " + i));
    }

    Outcome outcome = handler.handle(rescheduled(event), progress);

    assertThat(outcome).isEqualTo(new Outcome.Delivered(holders, 0));
    assertThat(mail.sent).extracting(email -> email.to().userId()).doesNotHaveDuplicates();
    assertThat(progress.checkpoints).isGreaterThanOrEqualTo(holders);
  }

  @Test
  void aFailingServerIsRetriedWithGrowingPausesThenTheMessageIsUndeliverable() {
    Recipient ada = directory.add("Ada");
    mail.failServer = true;

    Outcome outcome = handler.handle(created(ada.userId()), progress);

    assertThat(mail.attempts).isEqualTo(3);
    assertThat(progress.pauses).hasSize(2);
    assertThat(progress.pauses.get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(progress.pauses.get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(outcome).isInstanceOf(Outcome.Undeliverable.class);
    assertThat(((Outcome.Undeliverable) outcome).reason())
        .isEqualTo("SMTP delivery failed after 3 attempt(s): server down");
    assertThat(((Outcome.Undeliverable) outcome).failed())
        .isEqualTo(Map.of(EmailFailure.SERVER_FAILURE, 1));
    assertThat(sentLog.pairs).isEmpty();
  }

  @Test
  void aServerThatRecoversWithinTheAttemptsDelivers() {
    Recipient ada = directory.add("Ada");
    mail.failuresLeft = 2;
    mail.failServer = true;

    assertThat(handler.handle(created(ada.userId()), progress))
        .isEqualTo(new Outcome.Delivered(1, 0));
    assertThat(mail.attempts).isEqualTo(3);
  }

  @Test
  void anUnreachableServerStopsTheFanOut() {
    UUID event = UUID.randomUUID();
    for (int i = 0; i < 3; i++) {
      directory.hold(event, directory.add("Holder " + i));
    }
    mail.failServer = true;

    Outcome outcome = handler.handle(rescheduled(event), progress);

    assertThat(outcome)
        .isEqualTo(
            new Outcome.Undeliverable(
                ((Outcome.Undeliverable) outcome).reason(),
                0,
                0,
                Map.of(EmailFailure.SERVER_FAILURE, 1)));
    assertThat(mail.attempts).isEqualTo(3);
  }

  @Test
  void aRefusedHolderDoesNotKeepTheOthersFromHearing() {
    UUID event = UUID.randomUUID();
    Recipient refused = directory.add("Refused");
    directory.hold(event, refused);
    Recipient other = directory.add("Other");
    directory.hold(event, other);
    mail.refused.add(refused.userId());

    Outcome outcome = handler.handle(rescheduled(event), progress);

    assertThat(mail.sent).extracting(Email::to).containsExactly(other);
    assertThat(outcome).isInstanceOf(Outcome.Undeliverable.class);
    assertThat(((Outcome.Undeliverable) outcome).reason())
        .startsWith("1 recipient(s) refused, 1 emailed; last: SMTP delivery failed after 3");
    assertThat(((Outcome.Undeliverable) outcome).sent()).isEqualTo(1);
    assertThat(((Outcome.Undeliverable) outcome).failed())
        .isEqualTo(Map.of(EmailFailure.RECIPIENT_REFUSED, 1));
    // Handled again (replayed from the dead-letter topic): only the refused one is tried.
    mail.refused.clear();
    assertThat(handler.handle(rescheduled(event), progress)).isEqualTo(new Outcome.Delivered(1, 1));
  }

  @Test
  void anUnusableAddressIsNotRetried() {
    Recipient broken = directory.add("Broken");
    mail.unusable.add(broken.userId());

    Outcome outcome = handler.handle(created(broken.userId()), progress);

    assertThat(mail.attempts).isEqualTo(1);
    assertThat(progress.pauses).isEmpty();
    assertThat(outcome).isInstanceOf(Outcome.Undeliverable.class);
    assertThat(((Outcome.Undeliverable) outcome).failed())
        .isEqualTo(Map.of(EmailFailure.UNUSABLE_ADDRESS, 1));
  }

  private BookingCreated created(UUID userId) {
    return new BookingCreated(
        UUID.randomUUID(),
        START,
        UUID.randomUUID(),
        UUID.randomUUID(),
        userId,
        2,
        "Show",
        START,
        "Hall");
  }

  private BookingCreated createdWithTickets(UUID userId, UUID bookingId, List<UUID> ids) {
    return new BookingCreated(
        UUID.randomUUID(),
        START,
        bookingId,
        UUID.randomUUID(),
        userId,
        ids.size(),
        "Show",
        START,
        "Hall",
        ids);
  }

  /** The same message id every time within a test: handling it again is a redelivery. */
  private EventRescheduled rescheduled(UUID eventId) {
    return new EventRescheduled(
        rescheduleMessageId,
        START,
        eventId,
        "Show",
        new EventChanges(
            Optional.of(new EventChanges.Change<>(START, START.plusSeconds(86_400))),
            Optional.empty(),
            Optional.empty()));
  }

  /** Users and holders in memory, paged in user id order like the real directory. */
  private static final class Directory implements RecipientDirectory {
    final Map<UUID, Recipient> users = new HashMap<>();
    final Map<UUID, List<Recipient>> holders = new HashMap<>();

    Recipient add(String name) {
      Recipient recipient =
          new Recipient(UUID.randomUUID(), name.replace(' ', '.') + "@example.test", name);
      users.put(recipient.userId(), recipient);
      return recipient;
    }

    void hold(UUID event, Recipient recipient) {
      holders.computeIfAbsent(event, e -> new ArrayList<>()).add(recipient);
    }

    @Override
    public Optional<Recipient> user(UUID userId) {
      return Optional.ofNullable(users.get(userId));
    }

    @Override
    public List<Recipient> holders(UUID eventId, Optional<UUID> after, int limit) {
      return holders.getOrDefault(eventId, List.of()).stream()
          .sorted(java.util.Comparator.comparing(Recipient::userId))
          .filter(r -> after.isEmpty() || r.userId().compareTo(after.get()) > 0)
          .limit(limit)
          .toList();
    }
  }

  /** Tickets in memory; counts the lookups. */
  private static final class Codes implements TicketCodes {
    final Map<UUID, UUID> bookingOf = new HashMap<>();
    final Map<UUID, String> codeOf = new HashMap<>();
    int lookups;

    TicketCode issue(UUID bookingId) {
      TicketCode ticket =
          new TicketCode(UUID.randomUUID(), UUID.randomUUID().toString().replace("-", ""));
      bookingOf.put(ticket.ticketId(), bookingId);
      codeOf.put(ticket.ticketId(), ticket.code());
      return ticket;
    }

    @Override
    public List<TicketCode> of(UUID bookingId, List<UUID> ticketIds) {
      lookups++;
      return ticketIds.stream()
          .filter(id -> bookingId.equals(bookingOf.get(id)))
          .map(id -> new TicketCode(id, codeOf.get(id)))
          .toList();
    }
  }

  private static final class MemorySentLog implements SentLog {
    final Set<List<UUID>> pairs = new HashSet<>();

    @Override
    public Set<UUID> alreadySent(UUID messageId, Collection<UUID> userIds) {
      Set<UUID> sent = new HashSet<>();
      for (UUID user : userIds) {
        if (pairs.contains(List.of(messageId, user))) {
          sent.add(user);
        }
      }
      return sent;
    }

    @Override
    public void recordSent(UUID messageId, UUID userId, String messageType) {
      pairs.add(List.of(messageId, userId));
    }

    @Override
    public int forgetBefore(Instant cutoff) {
      return 0;
    }
  }

  /** A mail server that can be down, refuse some recipients or not understand their address. */
  private static final class Outbox implements MailSender {
    final List<Email> sent = new ArrayList<>();
    final Set<UUID> refused = new HashSet<>();
    final Set<UUID> unusable = new HashSet<>();
    boolean failServer;
    int failuresLeft = Integer.MAX_VALUE;
    int attempts;

    @Override
    public void send(Email email) throws MailDeliveryException {
      attempts++;
      UUID to = email.to().userId();
      if (unusable.contains(to)) {
        throw MailDeliveryException.unusableAddress("bad address", null);
      }
      if (refused.contains(to)) {
        throw MailDeliveryException.recipientRefused("550 no such user", null);
      }
      if (failServer && failuresLeft-- > 0) {
        throw MailDeliveryException.serverFailure("server down", null);
      }
      sent.add(email);
    }
  }
}
