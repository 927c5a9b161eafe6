package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.BoxofficeApi;
import boxoffice.app.testing.RunningApp;
import boxoffice.app.testing.TestApp;
import boxoffice.app.testing.TestRedis;
import boxoffice.testing.CapturedLogs;
import boxoffice.testing.RecordingTelemetry;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A ticket code is the holder's secret: a whole life of a ticket (booked, listed, drawn as a QR
 * code, checked in, scanned again, undone, presented with a typo) leaves it in no log line, no span
 * attribute and no metric.
 */
class TicketCodeSecrecyIT {
  private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

  @RegisterExtension
  static final RunningApp app =
      RunningApp.startedBy(
          () -> TestApp.start(TestRedis.settings(), RecordingTelemetry.into(SPANS)));

  private static final BoxofficeApi api = new BoxofficeApi(app);

  @Test
  void aTicketsCodeAppearsInNoLogSpanOrMetric() {
    String eventId = api.publishedStartingIn("Secret door", Duration.ofHours(1));
    BoxofficeApi.Account holder = api.newUser();
    String code;
    try (CapturedLogs logs = CapturedLogs.everything()) {
      String bookingId = api.booked(eventId, 1, holder.token());
      var ticket = api.firstTicket(bookingId, holder.token());
      code = ticket.get("code").asText();
      String ticketId = ticket.get("id").asText();
      String staff = api.admin().token();
      String path = "/api/v1/events/" + eventId + "/check-ins";
      app.http().get("/api/v1/tickets/" + ticketId + "/qr", holder.token());
      assertThat(app.http().post(path, Map.of("code", code), staff).status()).isEqualTo(200);
      assertThat(app.http().post(path, Map.of("code", code), staff).status()).isEqualTo(409);
      api.delete(path + "/" + ticketId, staff);
      String typo = code.substring(0, 31) + (code.endsWith("0") ? "1" : "0");
      assertThat(app.http().post(path, Map.of("code", typo), staff).status()).isEqualTo(404);

      assertThat(logs.lines()).isNotEmpty().noneMatch(line -> line.contains(code));
      assertThat(logs.lines()).noneMatch(line -> line.contains(typo));
    }
    assertThat(SPANS.getFinishedSpanItems())
        .isNotEmpty()
        .allSatisfy(
            span ->
                assertThat(span.getAttributes().asMap().values().toString() + span.getName())
                    .doesNotContain(code));
    assertThat(app.http().get("/metrics").body())
        .contains("boxoffice_tickets_checked_in_total")
        .doesNotContain(code);
  }
}
