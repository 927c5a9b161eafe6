package boxoffice.app.outbox;

import boxoffice.app.domain.Event;
import boxoffice.app.domain.EventStatus;
import boxoffice.app.domain.HeldSeats;
import boxoffice.app.domain.Role;
import boxoffice.app.service.OutboxMessage;
import boxoffice.app.service.OutboxMessage.BookingCancelled;
import boxoffice.app.service.OutboxMessage.BookingCreated;
import boxoffice.app.service.OutboxMessage.CancellationCause;
import boxoffice.app.service.OutboxMessage.CommentDeletedByAdmin;
import boxoffice.app.service.OutboxMessage.EventCreated;
import boxoffice.app.service.OutboxMessage.EventDeleted;
import boxoffice.app.service.OutboxMessage.EventField;
import boxoffice.app.service.OutboxMessage.EventStatusChanged;
import boxoffice.app.service.OutboxMessage.EventSummary;
import boxoffice.app.service.OutboxMessage.EventUpdated;
import boxoffice.app.service.OutboxMessage.FieldChange;
import boxoffice.app.service.OutboxMessage.LoginFailed;
import boxoffice.app.service.OutboxMessage.LoginSucceeded;
import boxoffice.app.service.OutboxMessage.TicketCancelled;
import boxoffice.app.service.OutboxMessage.TicketCheckInUndone;
import boxoffice.app.service.OutboxMessage.TicketCheckedIn;
import boxoffice.app.service.OutboxMessage.UserRegistered;
import boxoffice.app.service.OutboxMessage.UserRoleChanged;
import boxoffice.app.service.OutboxMessage.WaitlistAccepted;
import boxoffice.app.service.OutboxMessage.WaitlistClosed;
import boxoffice.app.service.OutboxMessage.WaitlistClosure;
import boxoffice.app.service.OutboxMessage.WaitlistJoined;
import boxoffice.app.service.OutboxMessage.WaitlistLeft;
import boxoffice.app.service.OutboxMessage.WaitlistOfferExpired;
import boxoffice.app.service.OutboxMessage.WaitlistOffered;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One message of every type the app writes, and of every variant a consumer tells apart (each
 * cancellation cause; an edit holders hear of and edits they do not), run through the real outbox
 * encoding and Kafka mapping.
 */
final class OutboxSamples {
  static final Instant COMMITTED_AT = Instant.parse("2027-01-15T10:00:00.123456Z");
  private static final UUID EVENT = UUID.fromString("a3d7c9f0-1e2b-4c5d-8e9f-0a1b2c3d4e5f");
  private static final UUID USER = UUID.fromString("11111111-2222-4333-8444-555555555555");
  private static final UUID ADMIN = UUID.fromString("99999999-2222-4333-8444-555555555555");
  private static final Instant STARTS_AT = Instant.parse("2027-03-01T19:00:00.1234Z");

  private static final OutboxPayloads PAYLOADS = new OutboxPayloads();
  private static final NotificationMessages NOTIFICATIONS = new NotificationMessages();

  private OutboxSamples() {}

  static List<OutboxMessage> all() {
    Event snapshot =
        new Event(
            EVENT,
            "Rock Night",
            "Loud.",
            "Main Hall",
            STARTS_AT,
            STARTS_AT.plusSeconds(7200),
            100,
            40,
            HeldSeats.NONE,
            10,
            "UTC",
            EventStatus.PUBLISHED,
            3,
            COMMITTED_AT,
            COMMITTED_AT);
    EventSummary event =
        new EventSummary(EVENT, "Rock Night", STARTS_AT, "Main Hall", "Europe/Berlin");
    List<OutboxMessage> samples = new ArrayList<>();
    samples.add(UserRegistered.of(USER, "ada@example.org", "Ada", Role.USER));
    samples.add(LoginSucceeded.of(USER, "203.0.113.9"));
    samples.add(LoginFailed.of(USER, "ada@example.org", "203.0.113.9", true));
    samples.add(UserRoleChanged.of(USER, ADMIN, Role.USER, Role.STAFF));
    samples.add(new EventCreated(UUID.randomUUID(), ADMIN, snapshot));
    samples.add(
        edit(
            EventStatus.PUBLISHED,
            Map.of(
                EventField.TITLE, new FieldChange("Rock Nite", "Rock Night"),
                EventField.STARTS_AT,
                    new FieldChange("2027-03-01T19:00:00Z", "2027-03-08T20:00:00.5Z"),
                EventField.ENDS_AT, new FieldChange("2027-03-01T21:00:00Z", "2027-03-08T22:00:00Z"),
                EventField.VENUE, new FieldChange("Main Hall", "Arena"))));
    samples.add(
        edit(EventStatus.PUBLISHED, Map.of(EventField.CAPACITY, new FieldChange("100", "120"))));
    samples.add(
        edit(EventStatus.DRAFT, Map.of(EventField.VENUE, new FieldChange("Main Hall", "Arena"))));
    samples.add(
        new EventStatusChanged(
            UUID.randomUUID(), ADMIN, EventStatus.PUBLISHED, EventStatus.CANCELLED, event, 2));
    samples.add(new EventDeleted(UUID.randomUUID(), ADMIN, snapshot));
    samples.add(
        new BookingCreated(
            UUID.randomUUID(),
            UUID.randomUUID(),
            USER,
            2,
            List.of(UUID.randomUUID(), UUID.randomUUID()),
            event));
    EventSummary onTheHour =
        new EventSummary(
            EVENT, "Rock Night", Instant.parse("2027-03-01T19:00:00Z"), "Main Hall", "UTC");
    for (CancellationCause cause : CancellationCause.values()) {
      UUID actor = cause == CancellationCause.USER ? USER : ADMIN;
      samples.add(
          new BookingCancelled(
              UUID.randomUUID(), UUID.randomUUID(), actor, USER, 3, cause, onTheHour));
    }
    samples.add(
        CommentDeletedByAdmin.of(UUID.randomUUID(), ADMIN, EVENT, USER, "Not about the show"));
    UUID ticket = UUID.randomUUID();
    UUID booking = UUID.randomUUID();
    samples.add(
        new TicketCancelled(
            UUID.randomUUID(), ticket, booking, USER, USER, 1, CancellationCause.USER, onTheHour));
    samples.add(
        new TicketCancelled(
            UUID.randomUUID(),
            ticket,
            booking,
            ADMIN,
            USER,
            0,
            CancellationCause.ADMIN,
            onTheHour));
    Instant doorsOpen = STARTS_AT.minusSeconds(1800);
    samples.add(new TicketCheckedIn(UUID.randomUUID(), ticket, booking, EVENT, ADMIN, doorsOpen));
    samples.add(
        new TicketCheckInUndone(UUID.randomUUID(), ticket, booking, EVENT, ADMIN, doorsOpen));
    UUID entry = UUID.randomUUID();
    UUID hold = UUID.randomUUID();
    samples.add(new WaitlistJoined(UUID.randomUUID(), entry, EVENT, USER, 2));
    samples.add(
        new WaitlistOffered(
            UUID.randomUUID(), entry, USER, 2, hold, Instant.parse("2027-02-20T18:30:00Z"), event));
    samples.add(new WaitlistAccepted(UUID.randomUUID(), entry, EVENT, USER, hold, booking));
    samples.add(new WaitlistOfferExpired(UUID.randomUUID(), entry, USER, 2, hold, event));
    samples.add(new WaitlistLeft(UUID.randomUUID(), entry, USER, USER, 2, event));
    for (WaitlistClosure cause : WaitlistClosure.values()) {
      samples.add(new WaitlistClosed(UUID.randomUUID(), entry, USER, ADMIN, 2, cause, event));
    }
    return samples;
  }

  private static EventUpdated edit(EventStatus status, Map<EventField, FieldChange> changes) {
    return new EventUpdated(
        UUID.randomUUID(), EVENT, ADMIN, changes, status, "Rock Night", "Europe/Berlin");
  }

  /** The row the outbox table holds for {@code message}, committed at {@link #COMMITTED_AT}. */
  static OutboxRow row(OutboxMessage message) {
    return new OutboxRow(
        message.id(),
        message.type().wireName(),
        message.type().aggregateType(),
        message.aggregateId(),
        message.actorId(),
        PAYLOADS.json(message),
        COMMITTED_AT,
        Optional.empty());
  }

  /** What the Kafka relay publishes for {@code message}, if anything. */
  static Optional<NotificationMessages.Message> toKafka(OutboxMessage message) {
    return NOTIFICATIONS.of(row(message));
  }
}
