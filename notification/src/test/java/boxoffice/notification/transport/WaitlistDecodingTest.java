package boxoffice.notification.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import boxoffice.notification.service.WaitlistClosed;
import boxoffice.notification.service.WaitlistClosedCause;
import boxoffice.notification.service.WaitlistLeft;
import boxoffice.notification.service.WaitlistOfferExpired;
import boxoffice.notification.service.WaitlistOffered;
import boxoffice.notification.service.ZonedNotification;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Schema version 3: the waiting-list types, each with its event's time zone. */
class WaitlistDecodingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final UUID MESSAGE_ID = UUID.fromString("6f1c1d2e-0b7a-4a0e-9d43-2f8f0e6b9a11");
  private static final UUID ENTRY_ID = UUID.fromString("5b9e2c44-8d1f-4a6b-9c3e-7f2a1d0e4b58");
  private static final UUID EVENT_ID = UUID.fromString("a3d7c9f0-1e2b-4c5d-8e9f-0a1b2c3d4e5f");
  private static final UUID USER_ID = UUID.fromString("11111111-2222-4333-8444-555555555555");
  private static final UUID HOLD_ID = UUID.fromString("9d3c2b1a-4e5f-4a6b-8c7d-0e1f2a3b4c5d");
  private static final Instant OCCURRED = Instant.parse("2027-01-15T09:00:00Z");
  private static final Instant STARTS = Instant.parse("2027-03-08T19:30:00Z");
  private static final Instant EXPIRES = Instant.parse("2027-03-06T19:00:00Z");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private final MessageDecoder decoder = new MessageDecoder();

  /** Every field of each waiting-list type, as MESSAGES.md lists them. */
  private static final List<String> COMMON =
      List.of(
          "entryId",
          "eventId",
          "userId",
          "quantity",
          "eventTitle",
          "startsAt",
          "venue",
          "timeZone");

  static Stream<Arguments> everyRequiredField() {
    return Stream.of(
            fields("waitlist.offered", "holdId", "offerExpiresAt"),
            fields("waitlist.offer_expired", "holdId"),
            fields("waitlist.left"),
            fields("waitlist.closed", "cause"))
        .flatMap(type -> type.getValue().stream().map(f -> Arguments.of(type.getKey(), f)));
  }

  private static java.util.Map.Entry<String, List<String>> fields(String type, String... more) {
    List<String> all = Stream.concat(COMMON.stream(), Stream.of(more)).toList();
    return java.util.Map.entry(type, all);
  }

  static ObjectNode payload(String type) {
    ObjectNode payload = JSON.createObjectNode();
    payload.put("entryId", ENTRY_ID.toString());
    payload.put("eventId", EVENT_ID.toString());
    payload.put("userId", USER_ID.toString());
    payload.put("quantity", 2);
    switch (type) {
      case "waitlist.offered" -> {
        payload.put("holdId", HOLD_ID.toString());
        payload.put("offerExpiresAt", "2027-03-06T20:00:00+01:00");
      }
      case "waitlist.offer_expired" -> payload.put("holdId", HOLD_ID.toString());
      case "waitlist.closed" -> payload.put("cause", "EVENT_STARTED");
      default -> {}
    }
    payload.put("eventTitle", "Rock Night");
    payload.put("startsAt", "2027-03-08T19:30:00Z");
    payload.put("venue", "Main Hall");
    payload.put("timeZone", "Europe/Berlin");
    return payload;
  }

  static String message(int version, String type, ObjectNode payload) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", version);
    root.put("messageId", MESSAGE_ID.toString());
    root.put("type", type);
    root.put("occurredAt", "2027-01-15T10:00:00+01:00");
    root.set("payload", payload);
    return root.toString();
  }

  private ZonedNotification decode(String json) throws MalformedMessageException {
    return decoder.decodeMessage(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anOfferIsReadWithItsHoldDeadlineAndZone() throws MalformedMessageException {
    ZonedNotification read = decode(message(3, "waitlist.offered", payload("waitlist.offered")));

    assertThat(read.notification())
        .isEqualTo(
            new WaitlistOffered(
                MESSAGE_ID,
                OCCURRED,
                ENTRY_ID,
                EVENT_ID,
                USER_ID,
                2,
                HOLD_ID,
                EXPIRES,
                "Rock Night",
                STARTS,
                "Main Hall",
                BERLIN));
    assertThat(read.notification().type()).isEqualTo("waitlist.offered");
    assertThat(read.timeZone()).contains(BERLIN);
  }

  @Test
  void anExpiredOfferIsRead() throws MalformedMessageException {
    ZonedNotification read =
        decode(message(3, "waitlist.offer_expired", payload("waitlist.offer_expired")));

    assertThat(read.notification())
        .isEqualTo(
            new WaitlistOfferExpired(
                MESSAGE_ID,
                OCCURRED,
                ENTRY_ID,
                EVENT_ID,
                USER_ID,
                2,
                HOLD_ID,
                "Rock Night",
                STARTS,
                "Main Hall",
                BERLIN));
    assertThat(read.notification().type()).isEqualTo("waitlist.offer_expired");
    assertThat(read.timeZone()).contains(BERLIN);
  }

  @Test
  void leavingTheListIsRead() throws MalformedMessageException {
    ZonedNotification read = decode(message(3, "waitlist.left", payload("waitlist.left")));

    assertThat(read.notification())
        .isEqualTo(
            new WaitlistLeft(
                MESSAGE_ID,
                OCCURRED,
                ENTRY_ID,
                EVENT_ID,
                USER_ID,
                2,
                "Rock Night",
                STARTS,
                "Main Hall",
                BERLIN));
    assertThat(read.notification().type()).isEqualTo("waitlist.left");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"EVENT_CANCELLED", "EVENT_COMPLETED", "EVENT_STARTED"})
  void aClosedListIsReadWithEachCause(WaitlistClosedCause cause) throws Exception {
    ObjectNode payload = payload("waitlist.closed").put("cause", cause.name());

    ZonedNotification read = decode(message(3, "waitlist.closed", payload));

    assertThat(read.notification())
        .isEqualTo(
            new WaitlistClosed(
                MESSAGE_ID,
                OCCURRED,
                ENTRY_ID,
                EVENT_ID,
                USER_ID,
                2,
                cause,
                "Rock Night",
                STARTS,
                "Main Hall",
                BERLIN));
    assertThat(read.notification().type()).isEqualTo("waitlist.closed");
  }

  @ParameterizedTest(name = "{0} in schemaVersion {1}")
  @CsvSource({
    "waitlist.offered, 1",
    "waitlist.offered, 2",
    "waitlist.offer_expired, 2",
    "waitlist.left, 2",
    "waitlist.closed, 1",
    "waitlist.closed, 2"
  })
  void aWaitlistTypeDoesNotExistBeforeVersion3(String type, int version) {
    String json = message(version, type, payload(type));

    assertThatThrownBy(() -> decode(json))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessage(
            "unknown type '"
                + type
                + "' in schemaVersion "
                + version
                + " (it exists from schemaVersion 3 on)");
  }

  @ParameterizedTest(name = "{0} without {1}")
  @MethodSource("everyRequiredField")
  void everyFieldOfAWaitlistTypeIsRequired(String type, String field) {
    ObjectNode payload = payload(type);
    assertThat(payload.has(field)).as("the sample has %s", field).isTrue();
    payload.remove(field);
    String json = message(3, type, payload);

    assertThatThrownBy(() -> decode(json))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessage("missing field payload." + field);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          unknown zone       | timeZone       | "Mars/Olympus"   | field payload.timeZone must be an IANA time zone name, got 'Mars/Olympus'
          offset, not a zone | timeZone       | "+01:00"         | field payload.timeZone must be an IANA time zone name, got '+01:00'
          zone not text      | timeZone       | 1                | field payload.timeZone must be non-empty text
          empty zone         | timeZone       | ""               | field payload.timeZone must be non-empty text
          quantity zero      | quantity       | 0                | field payload.quantity must be a positive integer
          bad hold id        | holdId         | "hold-7"         | field payload.holdId must be a UUID
          deadline no offset | offerExpiresAt | "2027-03-06T19:00" | field payload.offerExpiresAt must be an RFC 3339 timestamp with an offset
          bad entry id       | entryId        | 42               | field payload.entryId must be a UUID
          """)
  void aWaitlistFieldOutsideTheContractIsNamed(
      String name, String field, String value, String reason) throws Exception {
    ObjectNode payload = payload("waitlist.offered");
    payload.set(field, JSON.readTree(value));
    String json = message(3, "waitlist.offered", payload);

    assertThatThrownBy(() -> decode(json))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessage(reason);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"USER", "ADMIN", "event_started", "WEATHER"})
  void aClosedListWithAnotherCauseIsRefused(String cause) {
    ObjectNode payload = payload("waitlist.closed").put("cause", cause);
    String json = message(3, "waitlist.closed", payload);

    assertThatThrownBy(() -> decode(json))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessage(
            "field payload.cause must be one of [EVENT_CANCELLED, EVENT_COMPLETED,"
                + " EVENT_STARTED], got '"
                + cause
                + "'");
  }

  @Test
  void theNotificationAloneIsWhatDecodeReturns() throws MalformedMessageException {
    String json = message(3, "waitlist.left", payload("waitlist.left"));

    assertThat(decoder.decode(json.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(decode(json).notification());
  }

  @Test
  void aWaitlistNotificationCannotBeShownInAnotherZoneThanItsOwn()
      throws MalformedMessageException {
    WaitlistLeft left =
        (WaitlistLeft) decode(message(3, "waitlist.left", payload("waitlist.left"))).notification();

    assertThat(new ZonedNotification(left).timeZone()).contains(BERLIN);
    assertThatThrownBy(() -> new ZonedNotification(left, Optional.of(ZoneId.of("Asia/Tokyo"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ZonedNotification(left, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
