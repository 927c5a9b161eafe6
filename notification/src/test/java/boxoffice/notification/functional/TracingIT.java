package boxoffice.notification.functional;

import static boxoffice.notification.functional.NotificationFixture.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.notification.functional.AppData.Booking;
import boxoffice.notification.functional.AppData.Event;
import boxoffice.notification.functional.AppData.User;
import boxoffice.notification.transport.NotificationConsumer;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class TracingIT {
  private static final Instant START = Instant.parse("2027-09-01T19:00:00Z");
  private static final AttributeKey<String> MESSAGE_ID =
      AttributeKey.stringKey("messaging.message.id");
  private static final RecordedSpans SPANS = new RecordedSpans();
  private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();
  private static final ListAppender<ILoggingEvent> ALL_LOGS = new ListAppender<>();
  private static NotificationFixture fixture;
  private static Event event;

  @BeforeAll
  static void start() {
    LOGS.start();
    consumerLogger().addAppender(LOGS);
    ALL_LOGS.start();
    rootLogger().addAppender(ALL_LOGS);
    fixture = NotificationFixture.idle(java.time.Duration.ofMillis(50));
    fixture.mailbox.start();
    fixture.startService(SPANS.sdk());
    event = fixture.appData.event("Traced Night", "Hall", START);
  }

  @AfterAll
  static void stop() {
    fixture.close();
    SPANS.sdk().close();
    consumerLogger().detachAppender(LOGS);
    rootLogger().detachAppender(ALL_LOGS);
  }

  @Test
  void theEmailJoinsTheTraceOfTheBookingThatCausedIt() throws InterruptedException {
    User user = fixture.appData.user("Traced");
    Booking booking = fixture.appData.book(event, user, 2);
    String traceId = IdGenerator.random().generateTraceId();
    String producerSpanId = IdGenerator.random().generateSpanId();
    UUID messageId = UUID.randomUUID();

    fixture.publish(
        event.id().toString(),
        Messages.bookingCreated(messageId, booking),
        Map.of("traceparent", "00-" + traceId + "-" + producerSpanId + "-01"));
    fixture.mailbox.awaitTo(user.email(), 1, TIMEOUT);

    SpanData consumer = awaitConsumerSpan(messageId);
    assertThat(consumer.getName()).isEqualTo(fixture.topic + " process");
    assertThat(consumer.getKind()).isEqualTo(SpanKind.CONSUMER);
    assertThat(consumer.getTraceId()).isEqualTo(traceId);
    assertThat(consumer.getParentSpanId()).isEqualTo(producerSpanId);
    assertThat(consumer.getParentSpanContext().isRemote()).isTrue();
    assertThat(consumer.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(attributes(consumer))
        .containsEntry("messaging.system", "kafka")
        .containsEntry("messaging.destination.name", fixture.topic)
        .containsEntry("messaging.operation", "process")
        .containsEntry("messaging.kafka.message.key", event.id().toString())
        .containsEntry("messaging.destination.partition.id", "0")
        .containsEntry("messaging.consumer.group.name", "notification-" + fixture.topic)
        .containsEntry("messaging.message.id", messageId.toString())
        .containsEntry("boxoffice.notification.type", "booking.created")
        .containsEntry("boxoffice.notification.outcome", "delivered")
        .containsEntry("boxoffice.emails.sent", 1L)
        .containsKey("messaging.kafka.offset");

    List<SpanData> children = childrenOf(consumer);
    SpanData smtp =
        children.stream().filter(span -> span.getName().equals("smtp send")).findFirst().get();
    assertThat(smtp.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(smtp.getTraceId()).isEqualTo(traceId);
    assertThat(attributes(smtp))
        .containsEntry("server.address", "127.0.0.1")
        .containsEntry("server.port", (long) fixture.mailbox.port())
        .containsEntry("boxoffice.email.recipients", 1L);

    // The recipient looked up, the sent log read and written, the email sent.
    assertThat(children).allMatch(span -> span.getKind() == SpanKind.CLIENT);
    assertThat(children)
        .extracting(span -> span.getName().split(" ")[0])
        .contains("SELECT", "INSERT", "smtp");
    assertThat(children)
        .filteredOn(span -> span.getName().startsWith("SELECT"))
        .extracting(span -> span.getAttributes().get(AttributeKey.stringKey("db.statement")))
        .anyMatch(statement -> statement.contains("FROM users"));
    // Neither the address nor any bound value is recorded.
    for (SpanData span : children) {
      assertThat(span.toString()).doesNotContain(user.email()).doesNotContain(user.id().toString());
    }

    // The log lines of the message carry the trace.
    ILoggingEvent handled = logLine(messageId);
    assertThat(handled.getMDCPropertyMap())
        .containsEntry("traceId", traceId)
        .containsEntry("spanId", consumer.getSpanId());
  }

  @Test
  void ticketCodesAndAddressesAreInNoSpanAndNoLogLine() throws InterruptedException {
    User user = fixture.appData.user("Ticket Holder");
    Booking booking = fixture.appData.book(event, user, 3);
    List<AppData.Ticket> tickets = fixture.appData.issueTickets(booking);
    UUID messageId = UUID.randomUUID();
    // One id the app does not have: the service logs that a ticket is missing, and nothing more.
    List<UUID> ids = List.of(tickets.get(0).id(), tickets.get(1).id(), UUID.randomUUID());

    fixture.publish(event.id().toString(), Messages.bookingCreated(messageId, booking, ids));
    ReceivedEmail email = fixture.mailbox.awaitTo(user.email(), 1, TIMEOUT).get(0);
    assertThat(email.images()).hasSize(2);

    SpanData consumer = awaitConsumerSpan(messageId);
    List<SpanData> trace =
        SPANS.all().stream().filter(s -> s.getTraceId().equals(consumer.getTraceId())).toList();
    assertThat(trace)
        .extracting(span -> span.getAttributes().get(AttributeKey.stringKey("db.statement")))
        .anyMatch(statement -> statement != null && statement.contains("FROM tickets"));
    List<String> logLines;
    synchronized (ALL_LOGS) {
      logLines =
          ALL_LOGS.list.stream()
              .map(
                  e ->
                      e.getFormattedMessage()
                          + " "
                          + e.getMDCPropertyMap()
                          + " "
                          + e.getThrowableProxy())
              .toList();
    }
    assertThat(logLines).anyMatch(line -> line.contains("1 of its 3 ticket(s) not found"));
    for (AppData.Ticket ticket : tickets) {
      assertThat(trace)
          .allSatisfy(span -> assertThat(span.toString()).doesNotContain(ticket.code()));
      assertThat(logLines).noneMatch(line -> line.contains(ticket.code()));
    }
    assertThat(trace).allSatisfy(span -> assertThat(span.toString()).doesNotContain(user.email()));
    assertThat(logLines).noneMatch(line -> line.contains(user.email()));
  }

  @Test
  void aMessageWithoutTraceparentStartsATraceOfItsOwn() throws InterruptedException {
    User user = fixture.appData.user("Untraced");
    UUID messageId = UUID.randomUUID();

    fixture.publish(
        event.id().toString(),
        Messages.bookingCreated(messageId, fixture.appData.book(event, user, 1)));
    fixture.mailbox.awaitTo(user.email(), 1, TIMEOUT);

    SpanData consumer = awaitConsumerSpan(messageId);
    assertThat(consumer.getParentSpanContext().isValid()).isFalse();
    assertThat(childrenOf(consumer)).extracting(SpanData::getName).contains("smtp send");
    assertThat(logLine(messageId).getMDCPropertyMap())
        .containsEntry("traceId", consumer.getTraceId());
  }

  @Test
  void aDeadLetteredMessageIsAnErrorWithTheDeadLetterAsAnEvent() throws InterruptedException {
    String traceId = IdGenerator.random().generateTraceId();
    String key = "poison-" + UUID.randomUUID();

    fixture.publish(
        key,
        "{\"schemaVersion\": 1, \"type\": ",
        Map.of(
            "traceparent", "00-" + traceId + "-" + IdGenerator.random().generateSpanId() + "-01"));

    SpanData consumer =
        SPANS
            .await(
                span -> span.getKind() == SpanKind.CONSUMER && span.getTraceId().equals(traceId),
                1,
                TIMEOUT)
            .get(0);
    assertThat(consumer.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(attributes(consumer))
        .containsEntry("boxoffice.notification.outcome", "dead_lettered")
        .containsEntry("boxoffice.dead_letter.cause", "malformed");
    assertThat(consumer.getEvents()).extracting(EventData::getName).contains("exception");
    EventData deadLettered =
        consumer.getEvents().stream()
            .filter(e -> e.getName().equals("dead-lettered"))
            .findFirst()
            .get();
    assertThat(
            deadLettered.getAttributes().get(AttributeKey.stringKey("messaging.destination.name")))
        .isEqualTo(fixture.deadLetterTopic);
  }

  @Test
  void anEmailThatCannotBeSentIsAFailedSmtpSpanOfADeadLetteredMessage()
      throws InterruptedException {
    User user = fixture.appData.user("Unusable");
    String unusable = "un usable." + user.id() + "@example.test";
    fixture.appData.changeEmail(user, unusable);
    UUID messageId = UUID.randomUUID();

    fixture.publish(
        event.id().toString(),
        Messages.bookingCreated(messageId, fixture.appData.book(event, user, 1)));

    SpanData consumer = awaitConsumerSpan(messageId);
    assertThat(consumer.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(attributes(consumer))
        .containsEntry("boxoffice.dead_letter.cause", "undeliverable")
        .containsEntry("boxoffice.emails.sent", 0L);
    SpanData smtp =
        childrenOf(consumer).stream()
            .filter(span -> span.getName().equals("smtp send"))
            .findFirst()
            .get();
    assertThat(smtp.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(attributes(smtp)).containsEntry("error.type", "unusable_address");
    assertThat(smtp.toString()).doesNotContain(user.id().toString()).doesNotContain("usable.");
  }

  private static SpanData awaitConsumerSpan(UUID messageId) throws InterruptedException {
    return SPANS
        .await(
            span ->
                span.getKind() == SpanKind.CONSUMER
                    && messageId.toString().equals(span.getAttributes().get(MESSAGE_ID)),
            1,
            TIMEOUT)
        .get(0);
  }

  /** The spans whose parent is {@code parent}; they end before it, so they are all there. */
  private static List<SpanData> childrenOf(SpanData parent) {
    return SPANS.all().stream()
        .filter(span -> span.getParentSpanId().equals(parent.getSpanId()))
        .filter(span -> span.getTraceId().equals(parent.getTraceId()))
        .toList();
  }

  private static Map<String, Object> attributes(SpanData span) {
    Map<String, Object> map = new java.util.HashMap<>();
    span.getAttributes().forEach((key, value) -> map.put(key.getKey(), value));
    return map;
  }

  private static ILoggingEvent logLine(UUID messageId) {
    synchronized (LOGS) {
      return LOGS.list.stream()
          .filter(e -> messageId.toString().equals(e.getMDCPropertyMap().get("messageId")))
          .filter(e -> e.getFormattedMessage().startsWith("message handled"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no log line for message " + messageId));
    }
  }

  private static Logger rootLogger() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private static Logger consumerLogger() {
    return (Logger) LoggerFactory.getLogger(NotificationConsumer.class);
  }
}
