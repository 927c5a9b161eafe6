package boxoffice.notification.functional;

import boxoffice.notification.functional.AppData.Booking;
import boxoffice.notification.functional.AppData.Event;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Kafka message values exactly as the booking app publishes them (see MESSAGES.md). */
final class Messages {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Messages() {}

  /** A schema version 1 booking.created: no ticket ids. */
  static String bookingCreated(UUID messageId, Booking booking) {
    ObjectNode payload = bookingPayload(booking);
    return envelope(1, messageId, "booking.created", payload);
  }

  /** A schema version 2 booking.created naming the booking's tickets. */
  static String bookingCreated(UUID messageId, Booking booking, List<UUID> ticketIds) {
    ObjectNode payload = bookingPayload(booking);
    ArrayNode ids = payload.putArray("ticketIds");
    ticketIds.forEach(id -> ids.add(id.toString()));
    return envelope(2, messageId, "booking.created", payload);
  }

  /** A schema version 2 ticket.cancelled: one ticket of the booking was voided. */
  static String ticketCancelled(
      UUID messageId, Booking booking, UUID ticketId, int remainingQuantity, String cause) {
    ObjectNode payload = JSON.createObjectNode();
    payload.put("ticketId", ticketId.toString());
    payload.put("bookingId", booking.id().toString());
    payload.put("eventId", booking.event().id().toString());
    payload.put("userId", booking.user().id().toString());
    payload.put("remainingQuantity", remainingQuantity);
    payload.put("cause", cause);
    payload.put("eventTitle", booking.event().title());
    payload.put("startsAt", booking.event().startsAt().toString());
    payload.put("venue", booking.event().venue());
    return envelope(2, messageId, "ticket.cancelled", payload);
  }

  /** The same message in another envelope version (whether that version knows it or not). */
  static String withSchemaVersion(String message, int version) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(message);
      root.put("schemaVersion", version);
      return root.toString();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static String bookingCancelled(UUID messageId, Booking booking, String cause) {
    ObjectNode payload = bookingPayload(booking);
    payload.put("cause", cause);
    return envelope(1, messageId, "booking.cancelled", payload);
  }

  /** An event.rescheduled message; pass null for a field that did not change. */
  static String eventRescheduled(
      UUID messageId, Event event, Instant newStart, Instant newEnd, String newVenue) {
    ObjectNode payload = JSON.createObjectNode();
    payload.put("eventId", event.id().toString());
    payload.put("eventTitle", event.title());
    ObjectNode changes = payload.putObject("changes");
    if (newStart != null) {
      changes
          .putObject("startsAt")
          .put("old", event.startsAt().toString())
          .put("new", newStart.toString());
    }
    if (newEnd != null) {
      changes
          .putObject("endsAt")
          .put("old", event.endsAt().toString())
          .put("new", newEnd.toString());
    }
    if (newVenue != null) {
      changes.putObject("venue").put("old", event.venue()).put("new", newVenue);
    }
    return envelope(1, messageId, "event.rescheduled", payload);
  }

  private static ObjectNode bookingPayload(Booking booking) {
    ObjectNode payload = JSON.createObjectNode();
    payload.put("bookingId", booking.id().toString());
    payload.put("eventId", booking.event().id().toString());
    payload.put("userId", booking.user().id().toString());
    payload.put("quantity", booking.quantity());
    payload.put("eventTitle", booking.event().title());
    payload.put("startsAt", booking.event().startsAt().toString());
    payload.put("venue", booking.event().venue());
    return payload;
  }

  private static String envelope(int version, UUID messageId, String type, ObjectNode payload) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", version);
    root.put("messageId", messageId.toString());
    root.put("type", type);
    root.put("occurredAt", "2027-01-15T10:00:00Z");
    root.set("payload", payload);
    return root.toString();
  }
}
