package boxoffice.app.observability;

import boxoffice.platform.metrics.Counters;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP server metrics labelled by method, route TEMPLATE (never a raw path, which would create a
 * series per id) and status.
 */
public final class HttpMetrics {
  private final Counter requests;
  private final Histogram duration;
  private final Gauge inFlight;
  private final Counter errors;
  private final Map<Answer, Series> seriesByAnswer = new ConcurrentHashMap<>();

  @Inject
  HttpMetrics(PrometheusRegistry registry) {
    requests =
        Counter.builder()
            .name("http_server_requests_total")
            .help("HTTP requests answered")
            .labelNames("method", "route", "status")
            .register(registry);
    duration =
        Histogram.builder()
            .name("http_server_request_duration_seconds")
            .help("Time to answer an HTTP request")
            .labelNames("method", "route", "status")
            .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
            .register(registry);
    inFlight =
        Gauge.builder()
            .name("http_server_requests_in_flight")
            .help("HTTP requests being handled")
            .register(registry);
    errors =
        Counters.register(
            registry,
            "http_server_errors_total",
            "HTTP error answers by class: 4xx, 5xx, timeout",
            "class",
            "4xx",
            "5xx",
            "timeout");
  }

  /** What a request was answered with; routes are templates, so there are few of these. */
  private record Answer(String method, String route, int status) {}

  /** The data points of one answer, looked up once rather than by label values per request. */
  private record Series(CounterDataPoint requests, DistributionDataPoint duration) {}

  private Series series(Answer answer) {
    String code = String.valueOf(answer.status());
    return new Series(
        requests.labelValues(answer.method(), answer.route(), code),
        duration.labelValues(answer.method(), answer.route(), code));
  }

  public void started() {
    inFlight.inc();
  }

  public void finished(String method, String route, int status, double seconds, boolean timedOut) {
    inFlight.dec();
    Series series = seriesByAnswer.computeIfAbsent(new Answer(method, route, status), this::series);
    series.requests().inc();
    series.duration().observe(seconds);
    if (timedOut) {
      errors.labelValues("timeout").inc();
    } else if (status >= 500) {
      errors.labelValues("5xx").inc();
    } else if (status >= 400) {
      errors.labelValues("4xx").inc();
    }
  }
}
