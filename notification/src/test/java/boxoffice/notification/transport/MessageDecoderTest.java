package boxoffice.notification.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import boxoffice.notification.service.BookingCancelled;
import boxoffice.notification.service.BookingCreated;
import boxoffice.notification.service.CancellationCause;
import boxoffice.notification.service.EventRescheduled;
import boxoffice.notification.service.Notification;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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

  private static String envelope(String type, String payload) {
    return """
        {"schemaVersion": 1, "messageId": "%s", "type": "%s",
         "occurredAt": "2027-01-15T10:00:00+01:00", "payload": %s}
        """
        .formatted(MESSAGE_ID, type, payload);
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
          version 2               | {"schemaVersion": 2}                                  | unsupported schemaVersion 2
          version as text         | {"schemaVersion": "1"}                                | unsupported schemaVersion "1"
          fractional version      | {"schemaVersion": 1.5}                                | unsupported schemaVersion 1.5
          unknown type            | {"schemaVersion": 1, "type": "user.deleted"}          | unknown type 'user.deleted'
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
