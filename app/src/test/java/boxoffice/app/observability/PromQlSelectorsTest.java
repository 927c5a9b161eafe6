package boxoffice.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PromQlSelectorsTest {
  @Test
  void aBareSelectorIsAMetric() {
    assertThat(PromQlSelectors.metricNames("up")).containsExactly("up");
    assertThat(PromQlSelectors.metricNames("up == 0")).containsExactly("up");
  }

  @Test
  void labelNamesInsideMatchersAreNotMetrics() {
    assertThat(
            PromQlSelectors.metricNames(
                "http_server_requests_total{job=\"app\",status=~\"5..\",route!=\"x{y}\"}"))
        .containsExactly("http_server_requests_total");
  }

  @Test
  void functionsAggregationsAndGroupingLabelsAreNotMetrics() {
    String expr =
        "histogram_quantile(0.99, sum by (job, route, le)"
            + " (rate(http_server_request_duration_seconds_bucket{job=\"app\"}[5m]))) > 1";

    assertThat(PromQlSelectors.metricNames(expr))
        .containsExactly("http_server_request_duration_seconds_bucket");
  }

  @Test
  void groupingAfterTheAggregatedExpressionIsSkippedToo() {
    assertThat(PromQlSelectors.metricNames("sum(rate(a_total[1m])) without (instance, pod)"))
        .containsExactly("a_total");
  }

  @Test
  void bothSidesOfBinaryAndSetOperatorsAreFound() {
    String expr =
        "boxoffice_outbox_backlog{job=\"app\"} and on (job, instance, destination)"
            + " (boxoffice_outbox_backlog > 100 or deriv(boxoffice_outbox_backlog[15m]) > 0)"
            + " unless ignoring(destination) group_left (cause) other_metric offset 5m * 1e-3";

    assertThat(PromQlSelectors.metricNames(expr))
        .containsExactly("boxoffice_outbox_backlog", "other_metric");
  }

  @Test
  void grafanaVariablesRangesAndSubqueriesAreSkipped() {
    String expr =
        "sum(increase(boxoffice_bookings_created_total{instance=~\"$instance\"}[1d]))"
            + " / max_over_time(jvm_threads_current[$__rate_interval:${__interval}]) * 60";

    assertThat(PromQlSelectors.metricNames(expr))
        .containsExactly("boxoffice_bookings_created_total", "jvm_threads_current");
  }

  @Test
  void keywordsAreRecognisedWhateverTheirCase() {
    assertThat(PromQlSelectors.metricNames("a > BOOL 1 AND b Or c UNLESS d + Inf - NaN"))
        .containsExactly("a", "b", "c", "d");
  }

  @Test
  void aNameMatcherSelectsItsMetricAndStringsAreNotMetrics() {
    assertThat(
            PromQlSelectors.metricNames(
                "label_replace({__name__=\"jvm_memory_used_bytes\"}, \"x\", \"$1\", \"area\", \"(.*)\")"))
        .containsExactly("jvm_memory_used_bytes");
  }

  @Test
  void matchersAreReadWithTheirOperatorAndValue() {
    String expr =
        "sum(rate(http_server_requests_total{job=\"app\", status =~ \"5..\",route!=\"/a/{id}\"}[5m]))"
            + " / jvm_memory_used_bytes {area=\"heap\"}";

    assertThat(PromQlSelectors.of(expr))
        .containsExactly(
            new PromQlSelectors.Selector(
                "http_server_requests_total",
                List.of(
                    new PromQlSelectors.Matcher("job", "=", "app"),
                    new PromQlSelectors.Matcher("status", "=~", "5.."),
                    new PromQlSelectors.Matcher("route", "!=", "/a/{id}"))),
            new PromQlSelectors.Selector(
                "jvm_memory_used_bytes",
                List.of(new PromQlSelectors.Matcher("area", "=", "heap"))));
  }
}
