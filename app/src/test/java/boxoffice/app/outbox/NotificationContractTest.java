package boxoffice.app.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.service.ChangeType;
import boxoffice.app.service.OutboxMessage;
import boxoffice.app.service.OutboxMessage.EventField;
import boxoffice.app.service.OutboxMessage.EventSummary;
import boxoffice.app.service.OutboxMessage.FieldChange;
import boxoffice.notification.service.BookingCancelled;
import boxoffice.notification.service.BookingCreated;
import boxoffice.notification.service.CancellationCause;
import boxoffice.notification.service.EventChanges;
import boxoffice.notification.service.EventChanges.Change;
import boxoffice.notification.service.EventRescheduled;
import boxoffice.notification.service.Notification;
import boxoffice.notification.service.TicketCancellationCause;
import boxoffice.notification.service.TicketCancelled;
import boxoffice.notification.service.WaitlistClosed;
import boxoffice.notification.service.WaitlistClosedCause;
import boxoffice.notification.service.WaitlistLeft;
import boxoffice.notification.service.WaitlistOfferExpired;
import boxoffice.notification.service.WaitlistOffered;
import boxoffice.notification.transport.MessageDecoder;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The app's side of the notification contract against the consumer's real decoder: every outbox
 * message goes through the app's encoding and Kafka mapping and comes out of {@link MessageDecoder}
 * as the notification it stands for (or yields no Kafka message at all). A change on either side
 * alone fails here.
 */
class NotificationContractTest {
  private final MessageDecoder decoder = new MessageDecoder();

  @Test
  void theSamplesCoverEveryMessageTypeAndEveryChangeType() {
    Set<Class<?>> sampled =
        OutboxSamples.all().stream().map(Object::getClass).collect(Collectors.toSet());
    assertThat(sampled).containsExactlyInAnyOrder(OutboxMessage.class.getPermittedSubclasses());
    // Hold rows are written by the hold statements themselves, payload built in SQL, and concern
    // nobody on Kafka (HoldsIT and HoldExpiryIT read them); every other type has a Java message.
    assertThat(OutboxSamples.all().stream().map(OutboxMessage::type).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(
            Arrays.stream(ChangeType.values())
                .filter(t -> !t.aggregateType().equals("hold"))
                .toArray(ChangeType[]::new));
    assertThat(
            OutboxSamples.all().stream()
                .filter(m -> m instanceof OutboxMessage.BookingCancelled)
                .map(m -> ((OutboxMessage.BookingCancelled) m).cause())
                .collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(OutboxMessage.CancellationCause.values());
  }

  @Test
  void everyMessageReachesTheConsumerAsTheNotificationItStandsFor() throws Exception {
    for (OutboxMessage message : OutboxSamples.all()) {
      Optional<NotificationMessages.Message> published = OutboxSamples.toKafka(message);
      Optional<Expected> expected = expectedOf(message);

      assertThat(published.isPresent())
          .as("a Kafka message for %s", message)
          .isEqualTo(expected.isPresent());
      if (published.isPresent()) {
        Notification decoded =
            decoder.decode(published.get().value().getBytes(StandardCharsets.UTF_8));
        assertThat(decoded).as("decoded %s", message).isInstanceOf(expected.get().type());
        assertThat(fieldsOf(decoded)).as("decoded %s", message).isEqualTo(expected.get().fields());
        assertThat(published.get().key()).isEqualTo(fieldsOf(decoded).get("eventId").toString());
      }
    }
  }

  @Test
  void theConsumerKnowsEveryCancellationCauseTheAppWrites() {
    assertThat(Arrays.stream(OutboxMessage.CancellationCause.values()).map(Enum::name).toList())
        .containsExactlyElementsOf(
            Arrays.stream(CancellationCause.values()).map(Enum::name).toList());
  }

  /** A notification as the consumer must decode it: its type and every field by name. */
  private record Expected(Class<? extends Notification> type, Map<String, Object> fields) {}

  /**
   * What the consumer must make of {@code message}: a switch over every message type, so a new type
   * does not compile until it is decided here whether holders hear of it.
   */
  private static Optional<Expected> expectedOf(OutboxMessage message) {
    return switch (message) {
      case OutboxMessage.BookingCreated m -> {
        Map<String, Object> fields =
            booking(m.id(), m.bookingId(), m.userId(), m.quantity(), m.event());
        fields.put("ticketIds", m.ticketIds());
        yield Optional.of(new Expected(BookingCreated.class, fields));
      }
      case OutboxMessage.BookingCancelled m -> {
        Map<String, Object> fields =
            booking(m.id(), m.bookingId(), m.userId(), m.quantity(), m.event());
        fields.put("cause", CancellationCause.valueOf(m.cause().name()));
        yield Optional.of(new Expected(BookingCancelled.class, fields));
      }
      case OutboxMessage.EventUpdated m -> {
        if (!m.notifyHolders()) {
          yield Optional.empty();
        }
        Map<String, Object> fields = envelope(m.id());
        fields.put("eventId", m.eventId());
        fields.put("eventTitle", m.title());
        fields.put(
            "changes",
            new EventChanges(
                change(m, EventField.STARTS_AT, Instant::parse),
                change(m, EventField.ENDS_AT, Instant::parse),
                change(m, EventField.VENUE, Function.identity())));
        yield Optional.of(new Expected(EventRescheduled.class, fields));
      }
      case OutboxMessage.UserRegistered m -> Optional.empty();
      case OutboxMessage.LoginSucceeded m -> Optional.empty();
      case OutboxMessage.LoginFailed m -> Optional.empty();
      case OutboxMessage.UserRoleChanged m -> Optional.empty();
      case OutboxMessage.EventCreated m -> Optional.empty();
      case OutboxMessage.EventStatusChanged m -> Optional.empty();
      case OutboxMessage.EventDeleted m -> Optional.empty();
      case OutboxMessage.CommentDeletedByAdmin m -> Optional.empty();
      case OutboxMessage.TicketCancelled m -> {
        Map<String, Object> fields =
            booking(m.id(), m.bookingId(), m.userId(), m.remainingQuantity(), m.event());
        fields.put("remainingQuantity", fields.remove("quantity"));
        fields.put("ticketId", m.ticketId());
        fields.put("cause", TicketCancellationCause.valueOf(m.cause().name()));
        yield Optional.of(new Expected(TicketCancelled.class, fields));
      }
      case OutboxMessage.TicketCheckedIn m -> Optional.empty();
      case OutboxMessage.TicketCheckInUndone m -> Optional.empty();
      case OutboxMessage.WaitlistJoined m -> Optional.empty();
      case OutboxMessage.WaitlistAccepted m -> Optional.empty();
      case OutboxMessage.WaitlistOffered m -> {
        Map<String, Object> fields =
            waitlist(m.id(), m.entryId(), m.userId(), m.quantity(), m.event());
        fields.put("holdId", m.holdId());
        fields.put("offerExpiresAt", m.offerExpiresAt());
        yield Optional.of(new Expected(WaitlistOffered.class, fields));
      }
      case OutboxMessage.WaitlistOfferExpired m -> {
        Map<String, Object> fields =
            waitlist(m.id(), m.entryId(), m.userId(), m.quantity(), m.event());
        fields.put("holdId", m.holdId());
        yield Optional.of(new Expected(WaitlistOfferExpired.class, fields));
      }
      case OutboxMessage.WaitlistLeft m ->
          Optional.of(
              new Expected(
                  WaitlistLeft.class,
                  waitlist(m.id(), m.entryId(), m.userId(), m.quantity(), m.event())));
      case OutboxMessage.WaitlistClosed m -> {
        Map<String, Object> fields =
            waitlist(m.id(), m.entryId(), m.userId(), m.quantity(), m.event());
        fields.put("cause", WaitlistClosedCause.valueOf(m.cause().name()));
        yield Optional.of(new Expected(WaitlistClosed.class, fields));
      }
    };
  }

  private static Map<String, Object> envelope(UUID messageId) {
    Map<String, Object> fields = new TreeMap<>();
    fields.put("messageId", messageId);
    fields.put("occurredAt", OutboxSamples.COMMITTED_AT);
    return fields;
  }

  private static Map<String, Object> booking(
      UUID messageId, UUID bookingId, UUID userId, int quantity, EventSummary event) {
    Map<String, Object> fields = envelope(messageId);
    fields.put("bookingId", bookingId);
    fields.put("eventId", event.id());
    fields.put("userId", userId);
    fields.put("quantity", quantity);
    fields.put("eventTitle", event.title());
    fields.put("startsAt", event.startsAt());
    fields.put("venue", event.venue());
    return fields;
  }

  private static Map<String, Object> waitlist(
      UUID messageId, UUID entryId, UUID userId, int quantity, EventSummary event) {
    Map<String, Object> fields = booking(messageId, null, userId, quantity, event);
    fields.remove("bookingId");
    fields.put("entryId", entryId);
    fields.put("timeZone", ZoneId.of(event.timeZone()));
    return fields;
  }

  /** Every component of a decoded notification, by name. */
  private static Map<String, Object> fieldsOf(Notification notification) throws Exception {
    Map<String, Object> fields = new TreeMap<>();
    for (RecordComponent component : notification.getClass().getRecordComponents()) {
      fields.put(component.getName(), component.getAccessor().invoke(notification));
    }
    return fields;
  }

  private static <T> Optional<Change<T>> change(
      OutboxMessage.EventUpdated message, EventField field, Function<String, T> parse) {
    FieldChange change = message.changes().get(field);
    return Optional.ofNullable(change)
        .map(c -> new Change<>(parse.apply(c.old()), parse.apply(c.now())));
  }
}
