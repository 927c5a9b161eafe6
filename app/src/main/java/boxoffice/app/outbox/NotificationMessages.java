package boxoffice.app.outbox;

import boxoffice.app.service.ChangeType;
import boxoffice.app.service.OutboxMessage.EventField;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Turns outbox rows into the notification messages of the {@code boxoffice.events} topic (schema
 * version 3, see notification/MESSAGES.md). Rows nobody is told about yield no message.
 */
final class NotificationMessages {
  static final int SCHEMA_VERSION = 3;
  private static final List<String> HOLDER_FIELDS =
      Arrays.stream(EventField.values())
          .filter(EventField::holdersCare)
          .map(OutboxPayloads::name)
          .toList();

  private final ObjectMapper json = new ObjectMapper();

  /** A message ready for Kafka: its key (the event id) and JSON value. */
  record Message(String key, String value) {}

  /** The type of the message holders get when an event moves in time or place. */
  static final String EVENT_RESCHEDULED = "event.rescheduled";

  Optional<Message> of(OutboxRow row) {
    Optional<ChangeType> type = row.changeType();
    if (type.isEmpty()) {
      return Optional.empty(); // written by a newer version: its relay tells whom it concerns
    }
    return switch (type.get()) {
      case BOOKING_CREATED, BOOKING_CANCELLED ->
          Optional.of(booking(row, type.get(), parse(row.payloadJson())));
      case TICKET_CANCELLED -> Optional.of(ticketCancelled(row, parse(row.payloadJson())));
      case WAITLIST_OFFERED, WAITLIST_OFFER_EXPIRED, WAITLIST_LEFT, WAITLIST_CLOSED ->
          Optional.of(waitlist(row, type.get(), parse(row.payloadJson())));
      case EVENT_UPDATED -> {
        JsonNode stored = parse(row.payloadJson());
        yield stored.path("notifyHolders").asBoolean(false)
            ? Optional.of(rescheduled(row, stored))
            : Optional.empty();
      }
      case USER_REGISTERED,
          LOGIN_SUCCEEDED,
          LOGIN_FAILED,
          USER_ROLE_CHANGED,
          EVENT_CREATED,
          EVENT_STATUS_CHANGED,
          EVENT_DELETED,
          COMMENT_DELETED_BY_ADMIN,
          TICKET_CHECKED_IN,
          TICKET_CHECK_IN_UNDONE,
          HOLD_CREATED,
          HOLD_CONFIRMED,
          HOLD_RELEASED,
          HOLD_EXPIRED,
          WAITLIST_JOINED,
          WAITLIST_ACCEPTED ->
          Optional.empty();
    };
  }

  private Message booking(OutboxRow row, ChangeType type, JsonNode stored) {
    ObjectNode payload =
        ((ObjectNode) stored.deepCopy()).put("bookingId", row.aggregateId().toString());
    return message(row, type.wireName(), stored.path("eventId").asText(), payload);
  }

  private Message ticketCancelled(OutboxRow row, JsonNode stored) {
    ObjectNode payload =
        ((ObjectNode) stored.deepCopy()).put("ticketId", row.aggregateId().toString());
    return message(
        row, ChangeType.TICKET_CANCELLED.wireName(), stored.path("eventId").asText(), payload);
  }

  private Message waitlist(OutboxRow row, ChangeType type, JsonNode stored) {
    ObjectNode payload =
        ((ObjectNode) stored.deepCopy()).put("entryId", row.aggregateId().toString());
    return message(row, type.wireName(), stored.path("eventId").asText(), payload);
  }

  private Message rescheduled(OutboxRow row, JsonNode stored) {
    ObjectNode changes = json.createObjectNode();
    HOLDER_FIELDS.forEach(
        field -> {
          JsonNode change = stored.path("changes").path(field);
          if (!change.isMissingNode()) {
            changes.set(field, change);
          }
        });
    ObjectNode payload =
        json.createObjectNode()
            .put("eventId", row.aggregateId().toString())
            .put("eventTitle", stored.path("title").asText());
    if (stored.hasNonNull("timeZone")) {
      payload.put("timeZone", stored.path("timeZone").asText());
    }
    payload.set("changes", changes);
    return message(row, EVENT_RESCHEDULED, row.aggregateId().toString(), payload);
  }

  private Message message(OutboxRow row, String type, String key, ObjectNode payload) {
    ObjectNode envelope =
        json.createObjectNode()
            .put("schemaVersion", SCHEMA_VERSION)
            .put("messageId", row.id().toString())
            .put("type", type)
            .put("occurredAt", row.createdAt().toString());
    envelope.set("payload", payload);
    try {
      return new Message(key, json.writeValueAsString(envelope));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree is always serialisable", e);
    }
  }

  private JsonNode parse(String payload) {
    try {
      return json.readTree(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("outbox payloads are JSON objects", e);
    }
  }
}
