package boxoffice.notification.transport;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.MDC;

/**
 * A consumer span per message ({@code <topic> process}, OpenTelemetry messaging conventions) whose
 * parent is the trace position the producer left in the record's W3C {@code traceparent} header, so
 * the email joins the trace of the booking that caused it. While the message is handled the span is
 * current (the mail and database spans nest under it) and its ids are in the logging context as
 * {@code traceId} and {@code spanId}.
 *
 * <p>Attributes name the topic, partition, offset, key (an event id) and message id and type, never
 * a recipient.
 */
public final class ConsumerTracing {
  static final String TRACE_ID = "traceId";
  static final String SPAN_ID = "spanId";

  static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
  static final AttributeKey<String> DESTINATION =
      AttributeKey.stringKey("messaging.destination.name");
  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation");
  static final AttributeKey<String> OPERATION_TYPE =
      AttributeKey.stringKey("messaging.operation.type");
  static final AttributeKey<String> CONSUMER_GROUP =
      AttributeKey.stringKey("messaging.consumer.group.name");
  static final AttributeKey<String> PARTITION =
      AttributeKey.stringKey("messaging.destination.partition.id");
  static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
  static final AttributeKey<String> KEY = AttributeKey.stringKey("messaging.kafka.message.key");
  static final AttributeKey<Long> BODY_SIZE = AttributeKey.longKey("messaging.message.body.size");
  static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
  static final AttributeKey<String> MESSAGE_TYPE =
      AttributeKey.stringKey("boxoffice.notification.type");
  static final AttributeKey<String> OUTCOME =
      AttributeKey.stringKey("boxoffice.notification.outcome");
  static final AttributeKey<Long> EMAILS_SENT = AttributeKey.longKey("boxoffice.emails.sent");
  static final AttributeKey<Long> EMAILS_SKIPPED =
      AttributeKey.longKey("boxoffice.emails.already_sent");
  static final AttributeKey<String> DEAD_LETTER_CAUSE =
      AttributeKey.stringKey("boxoffice.dead_letter.cause");
  static final AttributeKey<String> REASON = AttributeKey.stringKey("reason");
  static final String DEAD_LETTERED_EVENT = "dead-lettered";
  static final String ABANDONED_EVENT = "processing abandoned";

  private static final TextMapGetter<Headers> HEADERS =
      new TextMapGetter<>() {
        @Override
        public String get(Headers headers, String key) {
          Header header = headers == null ? null : headers.lastHeader(key);
          return header == null || header.value() == null
              ? null
              : new String(header.value(), StandardCharsets.UTF_8);
        }
      };

  private final Tracer tracer;
  private final String groupId;

  public ConsumerTracing(OpenTelemetry openTelemetry, String groupId) {
    this.tracer = openTelemetry.getTracer("boxoffice.notification.kafka");
    this.groupId = groupId;
  }

  /**
   * No spans. A message with a {@code traceparent} header still puts the producer's trace and span
   * ids in the logging context, so the logs can be matched with the app's trace.
   */
  public static ConsumerTracing off() {
    return new ConsumerTracing(OpenTelemetry.noop(), "");
  }

  /** Starts the record's span and makes it current on this thread until it is closed. */
  Processing start(ConsumerRecord<byte[], byte[]> record) {
    Context parent =
        W3CTraceContextPropagator.getInstance().extract(Context.root(), record.headers(), HEADERS);
    var builder =
        tracer
            .spanBuilder(record.topic() + " process")
            .setParent(parent)
            .setSpanKind(SpanKind.CONSUMER)
            .setAttribute(SYSTEM, "kafka")
            .setAttribute(DESTINATION, record.topic())
            .setAttribute(OPERATION, "process")
            .setAttribute(OPERATION_TYPE, "process")
            .setAttribute(PARTITION, Integer.toString(record.partition()))
            .setAttribute(OFFSET, record.offset());
    if (!groupId.isEmpty()) {
      builder.setAttribute(CONSUMER_GROUP, groupId);
    }
    if (record.key() != null) {
      builder.setAttribute(KEY, new String(record.key(), StandardCharsets.UTF_8));
    }
    if (record.value() != null) {
      builder.setAttribute(BODY_SIZE, (long) record.value().length);
    }
    return new Processing(builder.startSpan());
  }

  /** The span of one record being handled; closing it ends the span and clears the ids. */
  static final class Processing implements AutoCloseable {
    private final Span span;
    private final Scope scope;

    private Processing(Span span) {
      this.span = span;
      this.scope = span.makeCurrent();
      SpanContext context = span.getSpanContext();
      if (context.isValid()) {
        MDC.put(TRACE_ID, context.getTraceId());
        MDC.put(SPAN_ID, context.getSpanId());
      }
    }

    void decoded(String messageId, String type) {
      span.setAttribute(MESSAGE_ID, messageId);
      span.setAttribute(MESSAGE_TYPE, type);
    }

    void delivered(int sent, int alreadySent) {
      span.setAttribute(OUTCOME, "delivered");
      emailed(sent, alreadySent);
    }

    /** Emails of the message, sent now or before, whatever becomes of it. */
    void emailed(int sent, int alreadySent) {
      span.setAttribute(EMAILS_SENT, (long) sent);
      span.setAttribute(EMAILS_SKIPPED, (long) alreadySent);
    }

    /** The message went to {@code topic}; the handling failed, so the span is an error. */
    void deadLettered(DeadLetterCause cause, String topic, Throwable error) {
      span.setAttribute(OUTCOME, "dead_lettered");
      span.setAttribute(DEAD_LETTER_CAUSE, cause.label());
      if (error != null) {
        span.recordException(error);
      }
      span.addEvent(
          DEAD_LETTERED_EVENT, Attributes.of(DESTINATION, topic, DEAD_LETTER_CAUSE, cause.label()));
      span.setStatus(StatusCode.ERROR, "dead-lettered: " + cause.label());
    }

    /** Handling failed; the message is handled again later (an outage). */
    void failed(Throwable error) {
      span.setAttribute(OUTCOME, "retried");
      span.recordException(error);
      span.setStatus(StatusCode.ERROR, error.getClass().getSimpleName());
    }

    /** The work was withdrawn (stopping, or the partition moved): not an error. */
    void abandoned(String why) {
      span.setAttribute(OUTCOME, "abandoned");
      span.addEvent(ABANDONED_EVENT, Attributes.of(REASON, String.valueOf(why)));
    }

    @Override
    public void close() {
      scope.close();
      span.end();
      MDC.remove(TRACE_ID);
      MDC.remove(SPAN_ID);
    }
  }
}
