package boxoffice.app.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotificationMessagesTest {
  private static final UUID EVENT = UUID.fromString("11111111-1111-1111-1111-111111111111");
  private static final UUID USER = UUID.fromString("22222222-2222-2222-2222-222222222222");
  private final NotificationMessages messages = new NotificationMessages();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aBookingBecomesAVersionedMessageKeyedByItsEvent() throws Exception {
    UUID booking = UUID.randomUUID();
    OutboxRow row =
        row(
            "booking.created",
            "booking",
            booking,
            "{\"eventId\":\""
                + EVENT
                + "\",\"userId\":\""
                + USER
                + "\",\"quantity\":2,"
                + "\"eventTitle\":\"Jazz\",\"startsAt\":\"2027-03-01T19:00:00+00:00\",\"venue\":\"Hall\"}");

    NotificationMessages.Message message = messages.of(row).orElseThrow();
    JsonNode value = json.readTree(message.value());

    assertThat(message.key()).isEqualTo(EVENT.toString());
    assertThat(value.get("schemaVersion").asInt()).isEqualTo(3);
    assertThat(value.get("messageId").asText()).isEqualTo(row.id().toString());
    assertThat(value.get("type").asText()).isEqualTo("booking.created");
    assertThat(value.get("occurredAt").asText()).isEqualTo(row.createdAt().toString());
    assertThat(value.at("/payload/bookingId").asText()).isEqualTo(booking.toString());
    assertThat(value.at("/payload/quantity").asInt()).isEqualTo(2);
    assertThat(value.at("/payload/eventTitle").asText()).isEqualTo("Jazz");
  }

  @Test
  void aMovedPublishedEventBecomesARescheduleWithOnlyTheFieldsHoldersCareAbout() throws Exception {
    OutboxRow row =
        row(
            "event.updated",
            "event",
            EVENT,
            "{\"title\":\"Jazz\",\"notifyHolders\":true,\"changes\":{"
                + "\"startsAt\":{\"old\":\"2027-03-01T19:00:00Z\",\"new\":\"2027-03-02T19:00:00Z\"},"
                + "\"capacity\":{\"old\":\"10\",\"new\":\"20\"}}}");

    JsonNode value = json.readTree(messages.of(row).orElseThrow().value());

    assertThat(value.get("type").asText()).isEqualTo("event.rescheduled");
    assertThat(value.at("/payload/eventId").asText()).isEqualTo(EVENT.toString());
    assertThat(value.at("/payload/changes/startsAt/new").asText())
        .isEqualTo("2027-03-02T19:00:00Z");
    assertThat(value.at("/payload/changes").has("capacity")).isFalse();
  }

  @Test
  void changesNobodyIsToldAboutYieldNoMessage() {
    assertThat(messages.of(row("event.updated", "event", EVENT, "{\"notifyHolders\":false}")))
        .isEmpty();
    assertThat(messages.of(row("user.registered", "user", USER, "{\"email\":\"a@b.co\"}")))
        .isEmpty();
    assertThat(messages.of(row("event.status_changed", "event", EVENT, "{\"to\":\"CANCELLED\"}")))
        .isEmpty();
  }

  private static OutboxRow row(
      String type, String aggregateType, UUID aggregateId, String payload) {
    return new OutboxRow(
        UUID.randomUUID(),
        type,
        aggregateType,
        aggregateId,
        Optional.of(USER),
        payload,
        Instant.parse("2026-11-25T12:00:00Z"),
        Optional.empty());
  }
}
