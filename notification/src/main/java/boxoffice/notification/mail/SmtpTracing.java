package boxoffice.notification.mail;

import boxoffice.notification.service.EmailFailure;
import boxoffice.notification.service.MailDeliveryException;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A client span per email handed to the mail server ({@code smtp send}), child of the span current
 * on the calling thread (the Kafka message's). Addresses are personal data: the span counts its
 * recipients but never names them, and failure messages (the server often quotes the address it
 * refused) are recorded with every address masked.
 */
final class SmtpTracing {
  static final String SPAN_NAME = "smtp send";
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  static final AttributeKey<String> PROTOCOL = AttributeKey.stringKey("network.protocol.name");
  static final AttributeKey<Long> RECIPIENTS = AttributeKey.longKey("boxoffice.email.recipients");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<String> EXCEPTION_TYPE = AttributeKey.stringKey("exception.type");
  static final AttributeKey<String> EXCEPTION_MESSAGE = AttributeKey.stringKey("exception.message");
  static final String MASK = "[address]";

  /** Something@something: good enough to mask the addresses a mail server quotes. */
  private static final Pattern ADDRESS =
      Pattern.compile("[^\\s<>()\\[\\],;:\"']+@[^\\s<>()\\[\\],;:\"']+");

  private final Tracer tracer;
  private final String host;
  private final int port;

  SmtpTracing(OpenTelemetry openTelemetry, String host, int port) {
    this.tracer = openTelemetry.getTracer("boxoffice.notification.smtp");
    this.host = host;
    this.port = port;
  }

  Span start() {
    return tracer
        .spanBuilder(SPAN_NAME)
        .setSpanKind(SpanKind.CLIENT)
        .setAttribute(SERVER_ADDRESS, host)
        .setAttribute(SERVER_PORT, (long) port)
        .setAttribute(PROTOCOL, "smtp")
        .setAttribute(RECIPIENTS, 1L)
        .startSpan();
  }

  /**
   * Marks the span failed, with the kind of failure and the exception. The server's reply is kept
   * with addresses masked; the text of an unusable address is not kept at all, as it may not even
   * look like an address.
   */
  static void failed(Span span, MailDeliveryException e) {
    EmailFailure failure = e.failure();
    String message =
        failure == EmailFailure.UNUSABLE_ADDRESS
            ? "the recipient's address is not usable"
            : masked(String.valueOf(e.getMessage()));
    span.setAttribute(ERROR_TYPE, failure.name().toLowerCase(Locale.ROOT));
    span.addEvent(
        "exception",
        Attributes.of(
            EXCEPTION_TYPE,
            (e.getCause() != null ? e.getCause() : e).getClass().getName(),
            EXCEPTION_MESSAGE,
            message));
    span.setStatus(StatusCode.ERROR, message);
  }

  /** Fails the span with the exception's type only: its message might name the recipient. */
  static void failed(Span span, RuntimeException e) {
    span.setAttribute(ERROR_TYPE, e.getClass().getName());
    span.addEvent("exception", Attributes.of(EXCEPTION_TYPE, e.getClass().getName()));
    span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
  }

  static String masked(String text) {
    return ADDRESS.matcher(text).replaceAll(MASK);
  }
}
