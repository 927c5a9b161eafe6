package boxoffice.notification.transport;

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
import boxoffice.notification.service.WaitlistLeft;
import boxoffice.notification.service.WaitlistOfferExpired;
import boxoffice.notification.service.WaitlistOffered;
import boxoffice.notification.service.ZonedNotification;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Reads a Kafka message value as described in MESSAGES.md: a JSON envelope with {@code
 * schemaVersion} 1, 2 or 3 and a payload per type. Version 2 adds {@code ticketIds} to {@code
 * booking.created} (required there) and the type {@code ticket.cancelled}; version 3 adds the
 * waiting-list types ({@code waitlist.*}), which name their event's time zone ({@code timeZone},
 * required); everything else reads the same in every version. Fields the contract does not name are
 * ignored, so the app may add fields without a new schema version.
 */
public final class MessageDecoder {
  static final int OLDEST_VERSION = 1;
  static final int NEWEST_VERSION = 3;
  private static final int MAX_QUOTED = 80;

  /** Each type with the schema version that introduced it; later versions keep every type. */
  private static final Map<String, Integer> TYPES =
      Map.of(
          BookingCreated.TYPE, 1,
          BookingCancelled.TYPE, 1,
          EventRescheduled.TYPE, 1,
          TicketCancelled.TYPE, 2,
          WaitlistOffered.TYPE, 3,
          WaitlistOfferExpired.TYPE, 3,
          WaitlistLeft.TYPE, 3,
          WaitlistClosed.TYPE, 3);

  private final ObjectMapper json =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /**
   * The notification a message stands for. The optional {@code timeZone} of the types before
   * version 3 is not one of their fields: {@link #decodeMessage} reads it beside them.
   */
  public Notification decode(byte[] value) throws MalformedMessageException {
    return decodeMessage(value).notification();
  }

  /**
   * The notification a message stands for, with its event's time zone when the message names a
   * valid one. A waiting-list message must name one; for the other types a zone this JVM does not
   * know is left out (their emails then show times in the configured zone), as the field is
   * optional there.
   */
  public ZonedNotification decodeMessage(byte[] value) throws MalformedMessageException {
    if (value == null || value.length == 0) {
      throw new MalformedMessageException("empty message value");
    }
    JsonNode tree;
    try {
      tree = json.readTree(value);
    } catch (JsonProcessingException e) {
      throw new MalformedMessageException("not valid JSON: " + quoteFree(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new MalformedMessageException("not valid JSON");
    }
    JsonFields envelope = JsonFields.root(tree);
    int version = schemaVersion(envelope);
    String type = envelope.text("type");
    Integer since = TYPES.get(type);
    if (since == null) {
      throw new MalformedMessageException("unknown type " + shorten("'" + type + "'"));
    }
    if (since > version) {
      throw new MalformedMessageException(
          "unknown type '"
              + type
              + "' in schemaVersion "
              + version
              + " (it exists from schemaVersion "
              + since
              + " on)");
    }
    UUID messageId = envelope.uuid("messageId");
    Instant occurredAt = envelope.instant("occurredAt");
    JsonFields payload = envelope.object("payload");
    return switch (type) {
      case BookingCreated.TYPE ->
          zoned(bookingCreated(version, messageId, occurredAt, payload), payload);
      case BookingCancelled.TYPE ->
          zoned(bookingCancelled(messageId, occurredAt, payload), payload);
      case TicketCancelled.TYPE -> zoned(ticketCancelled(messageId, occurredAt, payload), payload);
      case EventRescheduled.TYPE ->
          zoned(eventRescheduled(messageId, occurredAt, payload), payload);
      // A waiting-list notification names its zone itself.
      case WaitlistOffered.TYPE ->
          new ZonedNotification(WaitlistPayloads.offered(messageId, occurredAt, payload));
      case WaitlistOfferExpired.TYPE ->
          new ZonedNotification(WaitlistPayloads.offerExpired(messageId, occurredAt, payload));
      case WaitlistLeft.TYPE ->
          new ZonedNotification(WaitlistPayloads.left(messageId, occurredAt, payload));
      case WaitlistClosed.TYPE ->
          new ZonedNotification(WaitlistPayloads.closed(messageId, occurredAt, payload));
      default -> throw new IllegalStateException("no reader for type " + type);
    };
  }

  /** A notification of a type whose {@code timeZone} is optional, with that zone if valid. */
  private static ZonedNotification zoned(Notification notification, JsonFields payload)
      throws MalformedMessageException {
    return new ZonedNotification(
        notification, EventTimeZone.optional(payload, notification.messageId()));
  }

  /** Every type this decoder reads, in some schema version. */
  static Set<String> types() {
    return TYPES.keySet();
  }

  /** "1, 2 or 3". */
  private static String supportedVersions() {
    String older =
        IntStream.range(OLDEST_VERSION, NEWEST_VERSION)
            .mapToObj(Integer::toString)
            .collect(Collectors.joining(", "));
    return older.isEmpty() ? Integer.toString(NEWEST_VERSION) : older + " or " + NEWEST_VERSION;
  }

  private static int schemaVersion(JsonFields envelope) throws MalformedMessageException {
    JsonNode version = envelope.required("schemaVersion");
    if (!version.isIntegralNumber()
        || !version.canConvertToInt()
        || version.asInt() < OLDEST_VERSION
        || version.asInt() > NEWEST_VERSION) {
      throw new MalformedMessageException(
          "unsupported schemaVersion "
              + shorten(version.toString())
              + " (expected "
              + supportedVersions()
              + ")");
    }
    return version.asInt();
  }

  private static BookingCreated bookingCreated(
      int version, UUID messageId, Instant at, JsonFields payload)
      throws MalformedMessageException {
    UUID bookingId = payload.uuid("bookingId");
    UUID eventId = payload.uuid("eventId");
    UUID userId = payload.uuid("userId");
    int quantity = payload.positiveInt("quantity");
    String title = payload.text("eventTitle");
    Instant startsAt = payload.instant("startsAt");
    String venue = payload.text("venue");
    // Version 1 does not name ticketIds: a v1 message that has them is read as if it had not.
    List<UUID> ticketIds = version >= 2 ? ticketIds(payload, quantity) : List.of();
    return new BookingCreated(
        messageId, at, bookingId, eventId, userId, quantity, title, startsAt, venue, ticketIds);
  }

  /** One id per seat, each once. */
  private static List<UUID> ticketIds(JsonFields payload, int quantity)
      throws MalformedMessageException {
    if (!payload.has("ticketIds")) {
      throw new MalformedMessageException(
          "missing field payload.ticketIds (required in schemaVersion 2)");
    }
    List<UUID> ids = payload.uuids("ticketIds");
    if (ids.size() != quantity) {
      throw new MalformedMessageException(
          "field payload.ticketIds must hold one id per ticket: quantity is "
              + quantity
              + ", got "
              + ids.size()
              + " id(s)");
    }
    if (new HashSet<>(ids).size() != ids.size()) {
      throw new MalformedMessageException("field payload.ticketIds must not repeat an id");
    }
    return ids;
  }

  private static TicketCancelled ticketCancelled(UUID messageId, Instant at, JsonFields payload)
      throws MalformedMessageException {
    return new TicketCancelled(
        messageId,
        at,
        payload.uuid("ticketId"),
        payload.uuid("bookingId"),
        payload.uuid("eventId"),
        payload.uuid("userId"),
        payload.nonNegativeInt("remainingQuantity"),
        cause(payload, TicketCancellationCause.class),
        payload.text("eventTitle"),
        payload.instant("startsAt"),
        payload.text("venue"));
  }

  private static BookingCancelled bookingCancelled(UUID messageId, Instant at, JsonFields payload)
      throws MalformedMessageException {
    return new BookingCancelled(
        messageId,
        at,
        payload.uuid("bookingId"),
        payload.uuid("eventId"),
        payload.uuid("userId"),
        payload.positiveInt("quantity"),
        cause(payload, CancellationCause.class),
        payload.text("eventTitle"),
        payload.instant("startsAt"),
        payload.text("venue"));
  }

  /** {@code payload.cause}, one of the constants of {@code causes}. */
  static <E extends Enum<E>> E cause(JsonFields payload, Class<E> causes)
      throws MalformedMessageException {
    String cause = payload.text("cause");
    try {
      return Enum.valueOf(causes, cause);
    } catch (IllegalArgumentException e) {
      throw new MalformedMessageException(
          "field payload.cause must be one of "
              + Arrays.toString(causes.getEnumConstants())
              + ", got "
              + shorten("'" + cause + "'"));
    }
  }

  private static EventRescheduled eventRescheduled(UUID messageId, Instant at, JsonFields payload)
      throws MalformedMessageException {
    UUID eventId = payload.uuid("eventId");
    String title = payload.text("eventTitle");
    JsonFields changes = payload.object("changes");
    Optional<Change<Instant>> startsAt = instantChange(changes, "startsAt");
    Optional<Change<Instant>> endsAt = instantChange(changes, "endsAt");
    Optional<Change<String>> venue = textChange(changes, "venue");
    if (startsAt.isEmpty() && endsAt.isEmpty() && venue.isEmpty()) {
      throw new MalformedMessageException(
          "field payload.changes names none of startsAt, endsAt, venue");
    }
    return new EventRescheduled(
        messageId, at, eventId, title, new EventChanges(startsAt, endsAt, venue));
  }

  private static Optional<Change<Instant>> instantChange(JsonFields changes, String name)
      throws MalformedMessageException {
    Optional<JsonFields> change = changes.optionalObject(name);
    if (change.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Change<>(change.get().instant("old"), change.get().instant("new")));
  }

  private static Optional<Change<String>> textChange(JsonFields changes, String name)
      throws MalformedMessageException {
    Optional<JsonFields> change = changes.optionalObject(name);
    if (change.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Change<>(change.get().text("old"), change.get().text("new")));
  }

  /** Sender-controlled text in a reason: bounded in length. */
  static String shorten(String text) {
    return text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED) + "...";
  }

  /** Jackson quotes the offending input in its messages; keep the reason short. */
  private static String quoteFree(String message) {
    String line = String.valueOf(message).lines().findFirst().orElse("");
    return shorten(line);
  }
}
