package boxoffice.notification.functional;

import static boxoffice.notification.functional.NotificationFixture.TIMEOUT;
import static boxoffice.testing.EmbeddedKafka.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import boxoffice.notification.functional.AppData.Booking;
import boxoffice.notification.functional.AppData.Event;
import boxoffice.notification.functional.AppData.User;
import boxoffice.notification.transport.DeadLetterPublisher;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PoisonMessagesIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant START = Instant.parse("2027-07-01T19:00:00Z");
  @AutoClose static final NotificationFixture fixture = NotificationFixture.started();
  private static Booking sample;

  @BeforeAll
  static void start() {
    Event event = fixture.appData.event("Sample", "Hall", START);
    sample = fixture.appData.book(event, fixture.appData.user("Sample User"), 1);
  }

  static Stream<Arguments> poisonMessages() {
    return Stream.of(
        arguments("bad JSON", "{\"schemaVersion\": 1, \"type\": ", "not valid JSON"),
        arguments("not an object", "[1, 2, 3]", "not a JSON object"),
        arguments("empty value", "", "empty message value"),
        arguments(
            "unknown type",
            edited(json -> json.put("type", "booking.teleported")),
            "unknown type 'booking.teleported'"),
        arguments(
            "unknown schemaVersion",
            edited(json -> json.put("schemaVersion", 4)),
            "unsupported schemaVersion 4 (expected 1, 2 or 3)"),
        arguments(
            "ticket.cancelled in a version 1 envelope",
            Messages.withSchemaVersion(ticketCancelled(), 1),
            "unknown type 'ticket.cancelled' in schemaVersion 1"),
        arguments(
            "ticket.cancelled of schemaVersion 4",
            Messages.withSchemaVersion(ticketCancelled(), 4),
            "unsupported schemaVersion 4 (expected 1, 2 or 3)"),
        arguments(
            "waitlist.offered in a version 2 envelope",
            Messages.withSchemaVersion(waitlistOffered(), 2),
            "unknown type 'waitlist.offered' in schemaVersion 2 (it exists from schemaVersion 3"
                + " on)"),
        arguments(
            "waitlist.closed in a version 1 envelope",
            Messages.withSchemaVersion(waitlistClosed("EVENT_CANCELLED"), 1),
            "unknown type 'waitlist.closed' in schemaVersion 1"),
        arguments(
            "waitlist.offered without holdId",
            Messages.withPayloadField(waitlistOffered(), "holdId", null),
            "missing field payload.holdId"),
        arguments(
            "waitlist.offered without timeZone",
            Messages.withPayloadField(waitlistOffered(), "timeZone", null),
            "missing field payload.timeZone"),
        arguments(
            "waitlist.left with an unknown time zone",
            Messages.withTimeZone(
                Messages.waitlistLeft(UUID.randomUUID(), samplePlace()), "Mars/Olympus"),
            "field payload.timeZone must be an IANA time zone name, got 'Mars/Olympus'"),
        arguments(
            "waitlist.closed with an unknown cause",
            waitlistClosed("EVENT_POSTPONED"),
            "field payload.cause must be one of [EVENT_CANCELLED, EVENT_COMPLETED,"
                + " EVENT_STARTED], got 'EVENT_POSTPONED'"),
        arguments(
            "version 2 booking.created without ticketIds",
            Messages.withSchemaVersion(
                Messages.bookingCreated(UUID.randomUUID(), sampleBooking()), 2),
            "missing field payload.ticketIds (required in schemaVersion 2)"),
        arguments(
            "version 2 booking.created with more ticketIds than seats",
            Messages.bookingCreated(
                UUID.randomUUID(), sampleBooking(), List.of(UUID.randomUUID(), UUID.randomUUID())),
            "field payload.ticketIds must hold one id per ticket: quantity is 1, got 2 id(s)"),
        arguments(
            "missing field",
            edited(json -> ((ObjectNode) json.get("payload")).remove("userId")),
            "missing field payload.userId"),
        arguments(
            "malformed id",
            edited(json -> json.put("messageId", "not-a-uuid")),
            "field messageId must be a UUID"),
        arguments(
            "unknown cancellation cause",
            cancelledBecause("WEATHER"),
            "field payload.cause must be one of"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("poisonMessages")
  void aPoisonMessageIsDeadLetteredWithItsReasonAndTheNextMessageIsStillDelivered(
      String name, String value, String reason) {
    String key = "poison-" + UUID.randomUUID();
    fixture.publish(key, value, Map.of("x-test-case", name));
    User next = fixture.appData.user("After " + name);
    Booking booking = fixture.appData.book(sample.event(), next, 1);
    fixture.publish(
        sample.event().id().toString(), Messages.bookingCreated(UUID.randomUUID(), booking));

    fixture.mailbox.awaitTo(next.email(), 1, TIMEOUT);
    ConsumerRecord<String, String> dead =
        fixture
            .kafka
            .awaitRecords(fixture.deadLetterTopic, 1, TIMEOUT, record -> key.equals(record.key()))
            .get(0);
    assertThat(header(dead, DeadLetterPublisher.REASON_HEADER)).contains(reason);
    assertThat(dead.value()).isEqualTo(value);
    assertThat(header(dead, "x-test-case")).isEqualTo(name);
    assertThat(header(dead, DeadLetterPublisher.ORIGINAL_TOPIC_HEADER)).isEqualTo(fixture.topic);
  }

  private static String edited(Consumer<ObjectNode> edit) {
    try {
      ObjectNode json =
          (ObjectNode) JSON.readTree(Messages.bookingCreated(UUID.randomUUID(), sampleBooking()));
      edit.accept(json);
      return json.toString();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String ticketCancelled() {
    return Messages.ticketCancelled(
        UUID.randomUUID(), sampleBooking(), UUID.randomUUID(), 0, "USER");
  }

  private static String waitlistOffered() {
    return Messages.waitlistOffered(
        UUID.randomUUID(), samplePlace(), UUID.randomUUID(), Instant.parse("2027-06-30T19:00:00Z"));
  }

  private static String waitlistClosed(String cause) {
    return Messages.waitlistClosed(UUID.randomUUID(), samplePlace(), cause);
  }

  private static Messages.Place samplePlace() {
    Booking booking = sampleBooking();
    return new Messages.Place(booking.user(), booking.event(), 1, "Europe/Berlin");
  }

  private static String cancelledBecause(String cause) {
    return Messages.bookingCancelled(UUID.randomUUID(), sampleBooking(), cause);
  }

  /** Argument sources run before @BeforeAll: a booking that needs no database rows. */
  private static Booking sampleBooking() {
    Event event = new Event(UUID.randomUUID(), "Sample", "Hall", START, START.plusSeconds(7200));
    return new Booking(
        UUID.randomUUID(),
        event,
        new AppData.User(UUID.randomUUID(), "sample@example.test", "Sample"),
        1);
  }
}
