package boxoffice.notification.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import boxoffice.notification.service.BookingCreated;
import boxoffice.notification.service.ZonedNotification;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The optional {@code timeZone} of the types that precede version 3: read beside the notification
 * when it names a zone, left out (never refused) when it does not.
 */
class TimeZoneDecodingTest {
  private static final String IDS =
      """
      "bookingId": "0d8b5a57-7b6f-4d35-9a3c-5a8a4b6d0e21",
      "eventId": "a3d7c9f0-1e2b-4c5d-8e9f-0a1b2c3d4e5f",
      "userId": "11111111-2222-4333-8444-555555555555",
      """;
  private static final String EVENT =
      """
      "eventTitle": "Rock Night", "startsAt": "2027-03-01T19:00:00Z", "venue": "Hall"
      """;
  private static final String TICKET_IDS =
      """
      "ticketIds": ["7c1e3a52-95d4-4f0b-8a6e-2b9d0c4f1a37", "e0b4f7a1-3c2d-4e5f-9a8b-7c6d5e4f3a21"]
      """;

  private final MessageDecoder decoder = new MessageDecoder();

  /** One payload of each type that precedes version 3, with {@code zone} (a JSON value) added. */
  private static String payload(String type, String zone) {
    String timeZone = zone.isEmpty() ? "" : ", \"timeZone\": " + zone;
    return switch (type) {
          case "booking.created" -> "{" + IDS + "\"quantity\": 2, " + TICKET_IDS + ", " + EVENT;
          case "booking.cancelled" -> "{" + IDS + "\"quantity\": 2, \"cause\": \"USER\", " + EVENT;
          case "ticket.cancelled" ->
              "{"
                  + IDS
                  + "\"ticketId\": \"7c1e3a52-95d4-4f0b-8a6e-2b9d0c4f1a37\","
                  + " \"remainingQuantity\": 1, \"cause\": \"ADMIN\", "
                  + EVENT;
          default ->
              "{\"eventId\": \"a3d7c9f0-1e2b-4c5d-8e9f-0a1b2c3d4e5f\", \"eventTitle\": \"Rock Night\","
                  + " \"changes\": {\"venue\": {\"old\": \"Hall\", \"new\": \"Arena\"}}";
        }
        + timeZone
        + "}";
  }

  private ZonedNotification decode(int version, String type, String zone)
      throws MalformedMessageException {
    String json =
        """
        {"schemaVersion": %d, "messageId": "6f1c1d2e-0b7a-4a0e-9d43-2f8f0e6b9a11", "type": "%s",
         "occurredAt": "2027-01-15T10:00:00Z", "payload": %s}
        """
            .formatted(version, type, payload(type, zone));
    return decoder.decodeMessage(json.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0} in schemaVersion {1}")
  @CsvSource({
    "booking.created, 2",
    "booking.created, 3",
    "booking.cancelled, 1",
    "booking.cancelled, 3",
    "ticket.cancelled, 2",
    "ticket.cancelled, 3",
    "event.rescheduled, 1",
    "event.rescheduled, 3"
  })
  void aZoneTheMessageNamesIsReadBesideTheNotification(String type, int version)
      throws MalformedMessageException {
    ZonedNotification withZone = decode(version, type, "\"Asia/Tokyo\"");
    ZonedNotification withoutZone = decode(version, type, "");

    assertThat(withZone.timeZone()).contains(ZoneId.of("Asia/Tokyo"));
    assertThat(withoutZone.timeZone()).isEmpty();
    // The zone is no field of these notifications: they read as they did before it was read.
    assertThat(withZone.notification()).isEqualTo(withoutZone.notification());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          booking.created   | "Mars/Olympus"
          booking.created   | "+09:00"
          booking.cancelled | ""
          booking.cancelled | 9
          ticket.cancelled  | "europe/berlin"
          event.rescheduled | {"id": "Asia/Tokyo"}
          event.rescheduled | null
          """)
  void aZoneThatIsNoZoneNameIsLeftOutAndTheMessageStillRead(String type, String zone)
      throws MalformedMessageException {
    ZonedNotification read = decode(3, type, zone);

    assertThat(read.timeZone()).isEmpty();
    assertThat(read.notification()).isEqualTo(decode(3, type, "").notification());
  }

  @ParameterizedTest(name = "schemaVersion {0}")
  @CsvSource({"2", "3"})
  void aBookingCreatedStillNeedsItsTicketIdsFromVersion2On(int version) {
    String json =
        """
        {"schemaVersion": %d, "messageId": "6f1c1d2e-0b7a-4a0e-9d43-2f8f0e6b9a11",
         "type": "booking.created", "occurredAt": "2027-01-15T10:00:00Z",
         "payload": {%s "quantity": 2, %s, "timeZone": "Europe/Berlin"}}
        """
            .formatted(version, IDS, EVENT);

    assertThatThrownBy(() -> decoder.decode(json.getBytes(StandardCharsets.UTF_8)))
        .hasMessage("missing field payload.ticketIds (required in schemaVersion 2)");
  }

  @ParameterizedTest(name = "schemaVersion {0}")
  @CsvSource({"2", "3"})
  void aBookingCreatedReadsTheSameInVersions2And3(int version) throws Exception {
    BookingCreated read = (BookingCreated) decode(version, "booking.created", "").notification();

    assertThat(read).isEqualTo(decode(2, "booking.created", "").notification());
    assertThat(read.ticketIds()).hasSize(2);
  }
}
