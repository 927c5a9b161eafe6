package boxoffice.notification.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import boxoffice.notification.service.BookingCancelled;
import boxoffice.notification.service.BookingCreated;
import boxoffice.notification.service.CancellationCause;
import boxoffice.notification.service.EventRescheduled;
import boxoffice.notification.service.Notification;
import boxoffice.notification.service.TicketCancellationCause;
import boxoffice.notification.service.TicketCancelled;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageDecoderTest {
  private static final String MESSAGE_ID = "6f1c1d2e-0b7a-4a0e-9d43-2f8f0e6b9a11";
  private static final String BOOKING_ID = "0d8b5a57-7b6f-4d35-9a3c-5a8a4b6d0e21";
  private static final String EVENT_ID = "a3d7c9f0-1e2b-4c5d-8e9f-0a1b2c3d4e5f";
  private static final String USER_ID = "11111111-2222-4333-8444-555555555555";

  private final MessageDecoder decoder = new MessageDecoder();

  private static final String TICKET_1 = "7c1e3a52-95d4-4f0b-8a6e-2b9d0c4f1a37";
  private static final String TICKET_2 = "e0b4f7a1-3c2d-4e5f-9a8b-7c6d5e4f3a21";
  private static final String TICKET_IDS =
      ", \"ticketIds\": [\"%s\", \"%s\"]".formatted(TICKET_1, TICKET_2);

  private static String envelope(String type, String payload) {
    return envelope(1, type, payload);
  }

  private static String envelope(int version, String type, String payload) {
    return """
        {"schemaVersion": %d, "messageId": "%s", "type": "%s",
         "occurredAt": "2027-01-15T10:00:00+01:00", "payload": %s}
        """
        .formatted(version, MESSAGE_ID, type, payload);
  }

  private static String ticketPayload(String cause, String remaining) {
    return """
        {"ticketId": "%s", "bookingId": "%s", "eventId": "%s", "userId": "%s",
         "remainingQuantity": %s, "cause": "%s",
         "eventTitle": "Rock Night", "startsAt": "2027-03-01T19:00:00Z", "venue": "Hall"}
        """
        .formatted(TICKET_1, BOOKING_ID, EVENT_ID, USER_ID, remaining, cause);
  }

  private static String bookingPayload(String extra) {
    return """
        {"bookingId": "%s", "eventId": "%s", "userId": "%s", "quantity": 2,
         "eventTitle": "Rock Night", "startsAt": "2027-03-01T19:00:00Z", "venue": "Hall"%s}
        """
        .formatted(BOOKING_ID, EVENT_ID, USER_ID, extra);
  }

  private Notification decode(String json) throws MalformedMessageException {
    return decoder.decode(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aBookingCreatedMessageIsRead() throws MalformedMessageException {
    Notification message = decode(envelope("booking.created", bookingPayload("")));

    assertThat(message)
        .isEqualTo(
            new BookingCreated(
                UUID.fromString(MESSAGE_ID),
                Instant.parse("2027-01-15T09:00:00Z"),
                UUID.fromString(BOOKING_ID),
                UUID.fromString(EVENT_ID),
                UUID.fromString(USER_ID),
                2,
                "Rock Night",
                Instant.parse("2027-03-01T19:00:00Z"),
                "Hall"));
  }

  @Test
  void aVersion2BookingCreatedMessageNamesItsTicketsInOrder() throws MalformedMessageException {
    Notification message = decode(envelope(2, "booking.created", bookingPayload(TICKET_IDS)));

    assertThat(message)
        .isEqualTo(
            new BookingCreated(
                UUID.fromString(MESSAGE_ID),
                Instant.parse("2027-01-15T09:00:00Z"),
                UUID.fromString(BOOKING_ID),
                UUID.fromString(EVENT_ID),
                UUID.fromString(USER_ID),
                2,
                "Rock Night",
                Instant.parse("2027-03-01T19:00:00Z"),
                "Hall",
                List.of(UUID.fromString(TICKET_1), UUID.fromString(TICKET_2))));
  }

  @Test
  void aVersion1BookingCreatedMessageNamesNoTicketsEvenIfItCarriesIds()
      throws MalformedMessageException {
    BookingCreated plain = (BookingCreated) decode(envelope("booking.created", bookingPayload("")));
    BookingCreated withIds =
        (BookingCreated) decode(envelope("booking.created", bookingPayload(TICKET_IDS)));

    assertThat(plain.ticketIds()).isEmpty();
    assertThat(withIds).isEqualTo(plain);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          missing      | ''                                     | missing field payload.ticketIds (required in schemaVersion 2)
          null         | , "ticketIds": null                    | missing field payload.ticketIds (required in schemaVersion 2)
          not an array | , "ticketIds": "%1$s"                  | field payload.ticketIds must be a non-empty array of UUIDs
          empty        | , "ticketIds": []                      | field payload.ticketIds must be a non-empty array of UUIDs
          bad element  | , "ticketIds": ["%1$s", 7]             | field payload.ticketIds[1] must be a UUID
          too few      | , "ticketIds": ["%1$s"]                | field payload.ticketIds must hold one id per ticket: quantity is 2, got 1 id(s)
          too many     | , "ticketIds": ["%1$s", "%2$s", "%3$s"] | field payload.ticketIds must hold one id per ticket: quantity is 2, got 3 id(s)
          repeated     | , "ticketIds": ["%1$s", "%1$s"]        | field payload.ticketIds must not repeat an id
          """)
  void version2TicketIdsAreRequiredOnePerSeat(String name, String ticketIds, String reason) {
    String json =
        envelope(
            2,
            "booking.created",
            bookingPayload(ticketIds.formatted(TICKET_1, TICKET_2, MESSAGE_ID)));

    assertThatThrownBy(() -> decode(json))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessage(reason);
  }

  @Test
  void aTicketCancelledMessageIsRead() throws MalformedMessageException {
    Notification message = decode(envelope(2, "ticket.cancelled", ticketPayload("ADMIN", "0")));

    assertThat(message)
        .isEqualTo(
            new TicketCancelled(
                UUID.fromString(MESSAGE_ID),
                Instant.parse("2027-01-15T09:00:00Z"),
                UUID.fromString(TICKET_1),
                UUID.fromString(BOOKING_ID),
                UUID.fromString(EVENT_ID),
                UUID.fromString(USER_ID),
                0,
                TicketCancellationCause.ADMIN,
                "Rock Night",
                Instant.parse("2027-03-01T19:00:00Z"),
                "Hall"));
    assertThat(message.type()).isEqualTo("ticket.cancelled");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          negative remaining   | USER            | -1  | field payload.remainingQuantity must be a non-negative integer
          fractional remaining | USER            | 1.5 | field payload.remainingQuantity must be a non-negative integer
          text remaining       | USER            | "1" | field payload.remainingQuantity must be a non-negative integer
          event cause          | EVENT_CANCELLED | 1   | field payload.cause must be one of [USER, ADMIN], got 'EVENT_CANCELLED'
          """)
  void aTicketCancelledPayloadOutsideTheContractIsNamed(
      String name, String cause, String remaining, String reason) {
    String json = envelope(2, "ticket.cancelled", ticketPayload(cause, remaining));

    assertThatThrownBy(() -> decode(json))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessage(reason);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "ticketId",
    "bookingId",
    "eventId",
    "userId",
    "remainingQuantity",
    "cause",
    "eventTitle",
    "startsAt",
    "venue"
  })
  void everyTicketCancelledFieldIsRequired(String field) throws Exception {
    ObjectNode payload = (ObjectNode) new ObjectMapper().readTree(ticketPayload("USER", "1"));
    payload.remove(field);
    String json = envelope(2, "ticket.cancelled", payload.toString());

    assertThatThrownBy(() -> decode(json)).hasMessage("missing field payload." + field);
  }

  @Test
  void theOtherTypesReadTheSameInVersion2() throws MalformedMessageException {
    String cancelled = bookingPayload(", \"cause\": \"USER\"");
    String rescheduled =
        """
        {"eventId": "%s", "eventTitle": "Rock Night",
         "changes": {"venue": {"old": "Hall", "new": "Arena"}}}
        """
            .formatted(EVENT_ID);

    assertThat(decode(envelope(2, "booking.cancelled", cancelled)))
        .isEqualTo(decode(envelope(1, "booking.cancelled", cancelled)));
    assertThat(decode(envelope(2, "event.rescheduled", rescheduled)))
        .isEqualTo(decode(envelope(1, "event.rescheduled", rescheduled)));
  }

  @Test
  void aBookingCancelledMessageCarriesItsCause() throws MalformedMessageException {
    Notification message =
        decode(envelope("booking.cancelled", bookingPayload(", \"cause\": \"EVENT_CANCELLED\"")));

    assertThat(message).isInstanceOf(BookingCancelled.class);
    assertThat(((BookingCancelled) message).cause()).isEqualTo(CancellationCause.EVENT_CANCELLED);
  }

  @Test
  void anEventRescheduledMessageHasOnlyTheChangedFields() throws MalformedMessageException {
    Notification message =
        decode(
            envelope(
                "event.rescheduled",
                """
                {"eventId": "%s", "eventTitle": "Rock Night",
                 "changes": {"venue": {"old": "Hall", "new": "Arena"}}}
                """
                    .formatted(EVENT_ID)));

    EventRescheduled event = (EventRescheduled) message;
    assertThat(event.changes().venue()).isPresent();
    assertThat(event.changes().venue().get().after()).isEqualTo("Arena");
    assertThat(event.changes().startsAt()).isEmpty();
    assertThat(event.changes().endsAt()).isEmpty();
  }

  @Test
  void fieldsTheContractDoesNotNameAreIgnored() throws MalformedMessageException {
    Notification message =
        decode(envelope("booking.created", bookingPayload(", \"seatMap\": [1, 2]")));

    assertThat(message).isInstanceOf(BookingCreated.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          bad JSON                | {"schemaVersion": 1,                                  | not valid JSON
          trailing garbage        | {"schemaVersion": 1} {}                               | not valid JSON
          duplicate key           | {"schemaVersion": 1, "schemaVersion": 1}              | not valid JSON
          array                   | [1]                                                   | not a JSON object
          no version              | {"type": "booking.created"}                           | missing field schemaVersion
          version 0               | {"schemaVersion": 0}                                  | unsupported schemaVersion 0 (expected 1, 2 or 3)
          version 4               | {"schemaVersion": 4}                                  | unsupported schemaVersion 4 (expected 1, 2 or 3)
          version as text         | {"schemaVersion": "1"}                                | unsupported schemaVersion "1"
          fractional version      | {"schemaVersion": 1.5}                                | unsupported schemaVersion 1.5
          unknown type            | {"schemaVersion": 1, "type": "user.deleted"}          | unknown type 'user.deleted'
          unknown type in v2      | {"schemaVersion": 2, "type": "user.deleted"}          | unknown type 'user.deleted'
          ticket.cancelled in v1  | {"schemaVersion": 1, "type": "ticket.cancelled"}      | unknown type 'ticket.cancelled' in schemaVersion 1 (it exists from schemaVersion 2 on)
          unknown type in v3      | {"schemaVersion": 3, "type": "waitlist.joined"}       | unknown type 'waitlist.joined'
          no type                 | {"schemaVersion": 1}                                  | missing field type
          """)
  void aMessageOutsideTheContractIsRefusedWithItsReason(String name, String json, String reason) {
    assertThatThrownBy(() -> decode(json))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageStartingWith(reason);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          userId                | "userId": "%s",             | "userId": "nope",                 | field payload.userId must be a UUID
          userId missing        | "userId": "%s",             | ''                                | missing field payload.userId
          quantity zero         | "quantity": 2               | "quantity": 0                     | field payload.quantity must be a positive integer
          quantity text         | "quantity": 2               | "quantity": "2"                   | field payload.quantity must be a positive integer
          startsAt no offset    | "2027-03-01T19:00:00Z"      | "2027-03-01T19:00:00"             | field payload.startsAt must be an RFC 3339 timestamp
          empty title           | "eventTitle": "Rock Night"  | "eventTitle": " "                 | field payload.eventTitle must be non-empty text
          null venue            | "venue": "Hall"             | "venue": null                     | missing field payload.venue
          """)
  void aPayloadFieldOutsideTheContractIsNamed(
      String name, String valid, String broken, String reason) {
    String payload = bookingPayload("").replace(valid.formatted(USER_ID), broken);
    assertThat(payload).isNotEqualTo(bookingPayload(""));
    String json = envelope("booking.created", payload);

    assertThatThrownBy(() -> decode(json))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageStartingWith(reason);
  }

  @Test
  void envelopeFieldsAreChecked() {
    String badId = envelope("booking.created", bookingPayload("")).replace(MESSAGE_ID, "1-2-3-4-5");
    String noPayload =
        """
        {"schemaVersion": 1, "messageId": "%s", "type": "booking.created",
         "occurredAt": "2027-01-15T10:00:00Z"}
        """
            .formatted(MESSAGE_ID);

    assertThatThrownBy(() -> decode(badId)).hasMessage("field messageId must be a UUID");
    assertThatThrownBy(() -> decode(noPayload)).hasMessage("missing field payload");
    assertThatThrownBy(() -> decoder.decode(null)).hasMessage("empty message value");
  }

  @Test
  void aRescheduleMustNameAChangeAndBothOfItsValues() {
    String none =
        envelope(
            "event.rescheduled",
            """
            {"eventId": "%s", "eventTitle": "T", "changes": {"title": {"old": "a", "new": "b"}}}
            """
                .formatted(EVENT_ID));
    String halfChange =
        envelope(
            "event.rescheduled",
            """
            {"eventId": "%s", "eventTitle": "T", "changes": {"startsAt": {"old": "2027-03-01T19:00:00Z"}}}
            """
                .formatted(EVENT_ID));

    assertThatThrownBy(() -> decode(none))
        .hasMessage("field payload.changes names none of startsAt, endsAt, venue");
    assertThatThrownBy(() -> decode(halfChange))
        .hasMessage("missing field payload.changes.startsAt.new");
  }
}
