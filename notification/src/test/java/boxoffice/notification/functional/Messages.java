package boxoffice.notification.functional;

import boxoffice.notification.functional.AppData.Booking;
import boxoffice.notification.functional.AppData.Event;
import boxoffice.notification.functional.AppData.User;
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

  /**
   * A user's place on an event's waiting list, as the waiting-list messages (schema version 3)
   * describe it; {@code timeZone} is the event's zone.
   */
  record Place(UUID entryId, User user, Event event, int quantity, String timeZone) {
    Place(User user, Event event, int quantity, String timeZone) {
      this(UUID.randomUUID(), user, event, quantity, timeZone);
    }
  }

  /** A waitlist.offered: the place's seats are held (hold {@code holdId}) until the deadline. */
  static String waitlistOffered(UUID messageId, Place place, UUID holdId, Instant offerExpiresAt) {
    ObjectNode payload = waitlistPayload(place);
    payload.put("holdId", holdId.toString());
    payload.put("offerExpiresAt", offerExpiresAt.toString());
    return envelope(3, messageId, "waitlist.offered", payload);
  }

  static String waitlistOfferExpired(UUID messageId, Place place, UUID holdId) {
    ObjectNode payload = waitlistPayload(place);
    payload.put("holdId", holdId.toString());
    return envelope(3, messageId, "waitlist.offer_expired", payload);
  }

  static String waitlistLeft(UUID messageId, Place place) {
    return envelope(3, messageId, "waitlist.left", waitlistPayload(place));
  }

  static String waitlistClosed(UUID messageId, Place place, String cause) {
    ObjectNode payload = waitlistPayload(place);
    payload.put("cause", cause);
    return envelope(3, messageId, "waitlist.closed", payload);
  }

  private static ObjectNode waitlistPayload(Place place) {
    ObjectNode payload = JSON.createObjectNode();
    payload.put("entryId", place.entryId().toString());
    payload.put("eventId", place.event().id().toString());
    payload.put("userId", place.user().id().toString());
    payload.put("quantity", place.quantity());
    payload.put("eventTitle", place.event().title());
    payload.put("startsAt", place.event().startsAt().toString());
    payload.put("venue", place.event().venue());
    payload.put("timeZone", place.timeZone());
    return payload;
  }

  /**
   * The same message with {@code payload.field} set to {@code value} (a JSON value), or without the
   * field when {@code value} is null.
   */
  static String withPayloadField(String message, String field, String value) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(message);
      ObjectNode payload = (ObjectNode) root.get("payload");
      if (value == null) {
        payload.remove(field);
      } else {
        payload.set(field, JSON.readTree(value));
      }
      return root.toString();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** The same message naming the event's time zone, as the app writes it (any text). */
  static String withTimeZone(String message, String timeZone) {
    return withPayloadField(
        message, "timeZone", JSON.getNodeFactory().textNode(timeZone).toString());
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
