package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.Fixtures;
import boxoffice.app.testing.RunningApp;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MetricsIT {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();
  private static final Fixtures fixtures = new Fixtures(app);

  @Test
  void httpMetricsUseRouteTemplatesNeverRawPaths() {
    String eventId = fixtures.publishedEvent("Metered Matinee", 10);
    app.http().get("/api/v1/events/" + eventId);
    app.http().get("/api/v1/events/" + UUID.randomUUID());
    app.http().get("/no/such/" + UUID.randomUUID());

    String metrics = scrape();

    assertThat(metrics)
        .contains(
            "http_server_requests_total{method=\"GET\",route=\"/api/v1/events/{id}\",status=\"200\"}")
        .contains(
            "http_server_requests_total{method=\"GET\",route=\"/api/v1/events/{id}\",status=\"404\"}")
        .contains("route=\"unmatched\"")
        .contains("http_server_request_duration_seconds_bucket{")
        .contains("http_server_requests_in_flight")
        .doesNotContain(eventId);
    assertThat(value(metrics, "http_server_errors_total\\{class=\"4xx\"}"))
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void businessCountersFollowBookingsCancellationsAndLogins() {
    String eventId = fixtures.publishedEvent("Counted Concert", 3);
    String user = fixtures.users("counted", 1).getFirst();
    double booked = value(scrape(), "boxoffice_bookings_created_total");
    double seats = value(scrape(), "boxoffice_seats_booked_total");
    double soldOut = value(scrape(), "boxoffice_booking_sold_out_total");
    double failedLogins = value(scrape(), "boxoffice_logins_total\\{result=\"failure\"}");
    double cancelledByEvent =
        value(scrape(), "boxoffice_bookings_cancelled_total\\{cause=\"event_cancelled\"}");

    Fixtures.book(app.http(), eventId, user, 2, null);
    Fixtures.book(app.http(), eventId, user, 2, null);
    app.http().login("nobody-" + UUID.randomUUID() + "@example.org", "wrong-password");
    fixtures.changeStatus(eventId, "CANCELLED");

    String after = scrape();
    assertThat(value(after, "boxoffice_bookings_created_total")).isEqualTo(booked + 1);
    assertThat(value(after, "boxoffice_seats_booked_total")).isEqualTo(seats + 2);
    assertThat(value(after, "boxoffice_booking_sold_out_total")).isEqualTo(soldOut + 1);
    assertThat(value(after, "boxoffice_logins_total\\{result=\"failure\"}"))
        .isEqualTo(failedLogins + 1);
    assertThat(value(after, "boxoffice_bookings_cancelled_total\\{cause=\"event_cancelled\"}"))
        .isEqualTo(cancelledByEvent + 1);
  }

  @Test
  void internalsAreExposed() {
    String eventId = fixtures.publishedEvent("Inside Out", 5);
    app.http().get("/api/v1/events/" + eventId);
    app.http().get("/api/v1/events/" + eventId);

    String metrics = scrape();

    assertThat(metrics)
        .contains("jvm_memory_used_bytes")
        .contains("jvm_threads_current")
        .contains("hikaricp_connections{pool=\"boxoffice\",state=\"active\"}")
        .contains("boxoffice_cache_requests_total{cache=\"memory\",result=\"hit\"}")
        .contains("boxoffice_cache_evictions_total")
        .contains("boxoffice_events{status=\"PUBLISHED\"}")
        .contains("boxoffice_log_lines_dropped_total")
        .contains("boxoffice_booking_batches_total")
        .contains("boxoffice_booking_batched_total");
    assertThat(value(metrics, "boxoffice_cache_requests_total\\{cache=\"memory\",result=\"hit\"}"))
        .isPositive();
  }

  private static String scrape() {
    var response = app.http().get("/metrics");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type")).startsWith("text/plain");
    return response.body();
  }

  private static double value(String metrics, String series) {
    Matcher matcher = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(metrics);
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
  }
}
