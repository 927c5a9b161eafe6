package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.Fixtures;
import boxoffice.app.testing.FullStack;
import boxoffice.app.testing.TestHttpClient;
import boxoffice.testing.PerClass;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each service's {@code /metrics}, scraped before and after one booking travels through the whole
 * stack: the app's HTTP, business and outbox series, the audit server's calls and entries, the
 * notification service's messages and e-mails all move, labelled by templates and names, never ids.
 */
class ServiceMetricsIT {
  @RegisterExtension static final PerClass<FullStack> stack = PerClass.of(FullStack::untraced);
  private static final Fixtures fixtures = new Fixtures(() -> stack.get().app());

  @Test
  void aBookingMovesTheSeriesOfEveryService() {
    String eventId = fixtures.publishedEvent("Measured Matinee", 10);
    String email = "metrics-" + UUID.randomUUID() + "@example.org";
    String token = http().registerAndLogin(email, "metrics-password-1").get("accessToken").asText();
    stack.get().awaitOutboxDelivered();
    Scrape appBefore = Scrape.of(http().baseUrl() + "/metrics");
    Scrape auditBefore = Scrape.of(stack.get().audit().metricsUrl());
    Scrape notificationBefore = Scrape.of(stack.get().notifications().notificationMetricsUrl());

    var booked =
        http().post("/api/v1/events/" + eventId + "/bookings", Map.of("quantity", 2), token);
    assertThat(booked.status()).isEqualTo(201);
    stack.get().notifications().awaitMailsTo(email, 1);
    stack.get().awaitOutboxDelivered();
    Scrape app = Scrape.of(http().baseUrl() + "/metrics");
    Scrape auditAfter = Scrape.of(stack.get().audit().metricsUrl());
    Scrape notification = Scrape.of(stack.get().notifications().notificationMetricsUrl());

    assertThat(
            app.minus(
                appBefore,
                "http_server_requests_total",
                "method=\"POST\"",
                "route=\"/api/v1/events/{id}/bookings\"",
                "status=\"201\""))
        .isEqualTo(1);
    assertThat(app.minus(appBefore, "boxoffice_bookings_created_total")).isEqualTo(1);
    assertThat(app.minus(appBefore, "boxoffice_seats_booked_total")).isEqualTo(2);
    assertThat(app.minus(appBefore, "boxoffice_outbox_delivered_total", "destination=\"audit\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(app.minus(appBefore, "boxoffice_outbox_delivered_total", "destination=\"kafka\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(app.sum("boxoffice_outbox_backlog")).isZero();

    assertThat(
            auditAfter.minus(
                auditBefore,
                "grpc_server_handled_total",
                "grpc_method=\"boxoffice.audit.v1.AuditService/RecordBatch\"",
                "grpc_code=\"OK\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(auditAfter.minus(auditBefore, "boxoffice_audit_entries_appended_total"))
        .isGreaterThanOrEqualTo(1);

    assertThat(notification.minus(notificationBefore, "notification_emails_sent_total"))
        .isEqualTo(1);
    assertThat(notification.minus(notificationBefore, "notification_messages_total"))
        .isGreaterThanOrEqualTo(1);

    for (Scrape scrape : new Scrape[] {app, auditAfter, notification}) {
      assertThat(scrape.text())
          .doesNotContain(eventId)
          .doesNotContain(booked.json().get("id").asText())
          .doesNotContain(email);
    }
  }

  /** One Prometheus text exposition. */
  private record Scrape(String text) {
    static Scrape of(String url) {
      try (HttpClient client = HttpClient.newHttpClient()) {
        HttpResponse<String> response =
            client.send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return new Scrape(response.body());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /** The sum of the samples of {@code name} that carry every one of {@code labels}. */
    double sum(String name, String... labels) {
      double sum = 0;
      for (String line : text.split("\n")) {
        if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
          continue;
        }
        boolean matches = true;
        for (String label : labels) {
          matches &= line.contains(label);
        }
        if (matches) {
          sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
      return sum;
    }

    double minus(Scrape before, String name, String... labels) {
      return sum(name, labels) - before.sum(name, labels);
    }
  }

  /** The app's HTTP client in the running stack. */
  private static TestHttpClient http() {
    return stack.get().app().http();
  }
}
