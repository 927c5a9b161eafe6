package boxoffice.app.outbox;

import boxoffice.app.domain.Event;
import boxoffice.app.service.OutboxEncoding;
import boxoffice.app.service.OutboxMessage;
import boxoffice.app.service.OutboxMessage.BookingCancelled;
import boxoffice.app.service.OutboxMessage.BookingCreated;
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
import boxoffice.app.service.OutboxMessage.WaitlistJoined;
import boxoffice.app.service.OutboxMessage.WaitlistLeft;
import boxoffice.app.service.OutboxMessage.WaitlistOfferExpired;
import boxoffice.app.service.OutboxMessage.WaitlistOffered;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The one place where outbox messages become the JSON payloads stored in the outbox table (and
 * relayed as they are to the audit log, and as the base of the Kafka messages). Every payload is
 * bounded ({@link BoundedPayload}).
 */
final class OutboxPayloads implements OutboxEncoding {
  /**
   * Booking payloads were first built by PostgreSQL (session time zone UTC) and keep its form of a
   * timestamp: {@code 2027-03-01T19:00:00+00:00}, microseconds with trailing zeros cut.
   */
  private static final DateTimeFormatter DATABASE_TIMESTAMP =
      new DateTimeFormatterBuilder()
          .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 6, true)
          .appendLiteral("+00:00")
          .toFormatter()
          .withZone(ZoneOffset.UTC);

  @Inject
  OutboxPayloads() {}

  @Override
  public String json(OutboxMessage message) {
    try {
      return BoundedPayload.json(payload(message));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("outbox payload is not serialisable", e);
    }
  }

  /** The payload's fields, by message type. */
  static Map<String, Object> payload(OutboxMessage message) {
    Map<String, Object> payload = new LinkedHashMap<>();
    switch (message) {
      case UserRegistered m -> {
        payload.put("email", m.email());
        payload.put("name", m.name());
        payload.put("role", m.role().name());
      }
      case LoginSucceeded m -> payload.put("clientAddress", m.clientAddress());
      case LoginFailed m -> {
        payload.put("email", m.email());
        payload.put("clientAddress", m.clientAddress());
        payload.put("knownAccount", m.knownAccount());
      }
      case UserRoleChanged m -> {
        payload.put("userId", m.userId().toString());
        payload.put("oldRole", m.oldRole().name());
        payload.put("newRole", m.newRole().name());
      }
      case EventCreated m -> snapshot(payload, m.event());
      case EventUpdated m -> {
        Map<String, Object> changes = new LinkedHashMap<>();
        m.changes().forEach((field, change) -> changes.put(name(field), change(change)));
        payload.put("changes", changes);
        payload.put("status", m.status().name());
        payload.put("title", m.title());
        payload.put("timeZone", m.timeZone());
        payload.put("notifyHolders", m.notifyHolders());
      }
      case EventStatusChanged m -> {
        payload.put("from", m.from().name());
        payload.put("to", m.to().name());
        payload.put("title", m.event().title());
        payload.put("startsAt", m.event().startsAt().toString());
        payload.put("venue", m.event().venue());
        payload.put("cancelledBookings", m.cancelledBookings());
      }
      case EventDeleted m -> snapshot(payload, m.event());
      case BookingCreated m -> {
        booking(payload, m.userId(), m.quantity(), m.event());
        payload.put("ticketIds", m.ticketIds().stream().map(UUID::toString).toList());
      }
      case BookingCancelled m -> {
        booking(payload, m.userId(), m.quantity(), m.event());
        payload.put("cause", m.cause().name());
      }
      case TicketCancelled m -> {
        payload.put("bookingId", m.bookingId().toString());
        payload.put("eventId", m.event().id().toString());
        payload.put("userId", m.userId().toString());
        payload.put("remainingQuantity", m.remainingQuantity());
        payload.put("cause", m.cause().name());
        payload.put("eventTitle", m.event().title());
        payload.put("startsAt", databaseTimestamp(m.event().startsAt()));
        payload.put("venue", m.event().venue());
        payload.put("timeZone", m.event().timeZone());
      }
      case TicketCheckedIn m -> {
        payload.put("bookingId", m.bookingId().toString());
        payload.put("eventId", m.eventId().toString());
        payload.put("checkedInAt", m.checkedInAt().toString());
      }
      case TicketCheckInUndone m -> {
        payload.put("bookingId", m.bookingId().toString());
        payload.put("eventId", m.eventId().toString());
        payload.put("checkedInAt", m.checkedInAt().toString());
      }
      case WaitlistJoined m -> {
        payload.put("eventId", m.eventId().toString());
        payload.put("userId", m.userId().toString());
        payload.put("quantity", m.quantity());
      }
      case WaitlistOffered m -> {
        booking(payload, m.userId(), m.quantity(), m.event());
        payload.put("holdId", m.holdId().toString());
        payload.put("offerExpiresAt", m.offerExpiresAt().toString());
      }
      case WaitlistAccepted m -> {
        payload.put("eventId", m.eventId().toString());
        payload.put("userId", m.userId().toString());
        payload.put("holdId", m.holdId().toString());
        payload.put("bookingId", m.bookingId().toString());
      }
      case WaitlistOfferExpired m -> {
        booking(payload, m.userId(), m.quantity(), m.event());
        payload.put("holdId", m.holdId().toString());
      }
      case WaitlistLeft m -> booking(payload, m.userId(), m.quantity(), m.event());
      case WaitlistClosed m -> {
        booking(payload, m.userId(), m.quantity(), m.event());
        payload.put("cause", m.cause().name());
      }
      case CommentDeletedByAdmin m -> {
        payload.put("eventId", m.eventId().toString());
        payload.put("authorId", m.authorId().toString());
        payload.put("text", m.text());
      }
    }
    return payload;
  }

  /** The name of an event field in payloads (and in the API). */
  static String name(EventField field) {
    return switch (field) {
      case TITLE -> "title";
      case DESCRIPTION -> "description";
      case VENUE -> "venue";
      case STARTS_AT -> "startsAt";
      case ENDS_AT -> "endsAt";
      case CAPACITY -> "capacity";
      case MAX_TICKETS_PER_USER -> "maxTicketsPerUser";
      case TIME_ZONE -> "timeZone";
    };
  }

  static String databaseTimestamp(Instant instant) {
    return DATABASE_TIMESTAMP.format(instant.truncatedTo(ChronoUnit.MICROS));
  }

  private static Map<String, Object> change(FieldChange change) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("old", change.old());
    values.put("new", change.now());
    return values;
  }

  /** What a booking's messages say of it; a booking's timestamps keep the database's form. */
  private static void booking(
      Map<String, Object> payload, UUID userId, int quantity, EventSummary event) {
    payload.put("eventId", event.id().toString());
    payload.put("userId", userId.toString());
    payload.put("quantity", quantity);
    payload.put("eventTitle", event.title());
    payload.put("startsAt", databaseTimestamp(event.startsAt()));
    payload.put("venue", event.venue());
    payload.put("timeZone", event.timeZone());
  }

  /** What the messages of a created or deleted event record of it. */
  private static void snapshot(Map<String, Object> payload, Event event) {
    payload.put("title", event.title());
    payload.put("venue", event.venue());
    payload.put("startsAt", event.startsAt().toString());
    payload.put("endsAt", event.endsAt().toString());
    payload.put("capacity", event.capacity());
    payload.put("maxTicketsPerUser", event.maxTicketsPerUser());
    payload.put("timeZone", event.timeZone());
    payload.put("status", event.status().name());
  }
}
