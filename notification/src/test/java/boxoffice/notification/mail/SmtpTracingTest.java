package boxoffice.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import boxoffice.notification.config.NotificationConfig;
import boxoffice.notification.service.Email;
import boxoffice.notification.service.MailDeliveryException;
import boxoffice.notification.service.Recipient;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SmtpTracingTest {
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final OpenTelemetrySdk telemetry =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(spans))
                  .build())
          .build();

  @AfterEach
  void shutDown() {
    telemetry.close();
  }

  @Test
  void anUnreachableServerFailsTheSpanWithItsKindAndAddress() throws IOException {
    int closedPort = closedPort();
    SmtpMailSender sender = sender(closedPort);

    assertThatThrownBy(() -> sender.send(email("ada@example.test")))
        .isInstanceOf(MailDeliveryException.class);

    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span.getName()).isEqualTo("smtp send");
    assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().get(SmtpTracing.SERVER_ADDRESS)).isEqualTo("127.0.0.1");
    assertThat(span.getAttributes().get(SmtpTracing.SERVER_PORT)).isEqualTo((long) closedPort);
    assertThat(span.getAttributes().get(SmtpTracing.RECIPIENTS)).isEqualTo(1L);
    assertThat(span.getAttributes().get(SmtpTracing.ERROR_TYPE)).isEqualTo("server_failure");
    assertThat(span.getEvents()).extracting(event -> event.getName()).containsExactly("exception");
    assertThat(span.toString()).doesNotContain("ada@example.test");
  }

  @Test
  void anUnusableAddressIsNeitherNamedNorQuoted() throws IOException {
    SmtpMailSender sender = sender(closedPort());

    assertThatThrownBy(() -> sender.send(email("ada lovelace@@example.test")))
        .isInstanceOf(MailDeliveryException.class);

    SpanData span = spans.getFinishedSpanItems().get(0);
    assertThat(span.getAttributes().get(SmtpTracing.ERROR_TYPE)).isEqualTo("unusable_address");
    assertThat(span.getStatus().getDescription())
        .isEqualTo("the recipient's address is not usable");
    assertThat(span.toString()).doesNotContain("lovelace").doesNotContain("example.test");
  }

  @Test
  void addressesInServerRepliesAreMasked() {
    assertThat(SmtpTracing.masked("550 5.1.1 <bob@example.com>: Recipient address rejected"))
        .isEqualTo("550 5.1.1 <[address]>: Recipient address rejected");
    assertThat(SmtpTracing.masked("Invalid Addresses: a.b+c@x.example, d@y.example"))
        .isEqualTo("Invalid Addresses: [address], [address]");
    assertThat(SmtpTracing.masked("421 4.3.2 Service not available"))
        .isEqualTo("421 4.3.2 Service not available");
  }

  private SmtpMailSender sender(int port) {
    return new SmtpMailSender(
        new NotificationConfig.Smtp(
            "127.0.0.1",
            port,
            "",
            "",
            "Boxoffice <tickets@boxoffice.test>",
            false,
            Duration.ofSeconds(2)),
        Clock.systemUTC(),
        telemetry);
  }

  private static Email email(String address) {
    return new Email(
        UUID.randomUUID(),
        new Recipient(UUID.randomUUID(), address, "Ada"),
        "Booking confirmed",
        "text",
        "<p>html</p>");
  }

  /** A port nothing listens on (bound, then released). */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
