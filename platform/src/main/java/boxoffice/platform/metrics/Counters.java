package boxoffice.platform.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * Prometheus counters as the services declare them: a name, what it counts, and for a counter with
 * one label every value known up front, created at zero so that dashboards and rate() see each
 * series before its first increment.
 */
public final class Counters {
  private Counters() {}

  /** A counter without labels. */
  public static Counter register(PrometheusRegistry registry, String name, String help) {
    return Counter.builder().name(name).help(help).register(registry);
  }

  /** A counter with one label, each of {@code values} already present at zero. */
  public static Counter register(
      PrometheusRegistry registry, String name, String help, String label, String... values) {
    Counter counter = Counter.builder().name(name).help(help).labelNames(label).register(registry);
    for (String value : values) {
      counter.labelValues(value);
    }
    return counter;
  }
}
