package boxoffice.app.observability;

import boxoffice.app.cache.EventCache;
import boxoffice.app.config.AppConfig;
import boxoffice.app.data.EventStatusCounts;
import boxoffice.app.outbox.OutboxRelay;
import boxoffice.app.outbox.OutboxRelays;
import boxoffice.platform.database.PoolMetrics;
import com.zaxxer.hikari.HikariDataSource;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Metrics read from components when Prometheus scrapes: JVM, connection pool, event cache, outbox
 * backlog, relay failures and parked rows per destination, events by status.
 */
public final class InternalMetrics {
  private static final Logger LOG = LoggerFactory.getLogger(InternalMetrics.class);

  @Inject
  InternalMetrics(
      PrometheusRegistry registry,
      AppConfig config,
      HikariDataSource pool,
      EventCache cache,
      OutboxRelays relays,
      EventStatusCounts eventCounts,
      Clock clock) {
    JvmMetrics.builder().register(registry);
    PoolMetrics.register(registry, pool);
    registerCache(registry, cache, config.cache().type().name().toLowerCase(Locale.ROOT));
    registerOutbox(registry, relays, clock);
    GaugeWithCallback.builder()
        .name("boxoffice_events")
        .help("Events by status")
        .labelNames("status")
        .callback(
            callback -> {
              try {
                eventCounts.byStatus().forEach((status, n) -> callback.call(n, status.name()));
              } catch (RuntimeException e) {
                LOG.debug("events by status unavailable: {}", e.getMessage());
              }
            })
        .register(registry);
  }

  private static void registerCache(PrometheusRegistry registry, EventCache cache, String type) {
    CounterWithCallback.builder()
        .name("boxoffice_cache_requests_total")
        .help("Event cache lookups by result (hit, miss) and cache type")
        .labelNames("cache", "result")
        .callback(
            callback -> {
              EventCache.Stats stats = cache.stats();
              callback.call(stats.hits(), type, "hit");
              callback.call(stats.misses(), type, "miss");
            })
        .register(registry);
    CounterWithCallback.builder()
        .name("boxoffice_cache_evictions_total")
        .help("Entries the event cache evicted to stay within its bound")
        .labelNames("cache")
        .callback(callback -> callback.call(cache.stats().evictions(), type))
        .register(registry);
    CounterWithCallback.builder()
        .name("boxoffice_cache_fallbacks_total")
        .help("Event reads served from PostgreSQL because the cache was unreachable")
        .labelNames("cache")
        .callback(callback -> callback.call(cache.stats().fallbacks(), type))
        .register(registry);
  }

  private static void registerOutbox(
      PrometheusRegistry registry, OutboxRelays relays, Clock clock) {
    GaugeWithCallback.builder()
        .name("boxoffice_outbox_backlog")
        .help("Outbox rows not yet delivered, per destination")
        .labelNames("destination")
        .callback(
            callback ->
                relays
                    .all()
                    .forEach(
                        relay ->
                            safely(() -> callback.call(relay.backlog().waiting(), name(relay)))))
        .register(registry);
    GaugeWithCallback.builder()
        .name("boxoffice_outbox_oldest_age_seconds")
        .help("Age of the oldest undelivered outbox row, per destination (0 when none waits)")
        .labelNames("destination")
        .callback(
            callback ->
                relays
                    .all()
                    .forEach(
                        relay ->
                            safely(
                                () ->
                                    callback.call(
                                        relay
                                            .backlog()
                                            .oldest()
                                            .map(
                                                o ->
                                                    Duration.between(o, clock.instant()).toMillis()
                                                        / 1000.0)
                                            .orElse(0.0),
                                        name(relay)))))
        .register(registry);
    CounterWithCallback.builder()
        .name("boxoffice_outbox_delivered_total")
        .help("Outbox rows delivered, per destination")
        .labelNames("destination")
        .callback(callback -> relays.all().forEach(r -> callback.call(r.delivered(), name(r))))
        .register(registry);
    CounterWithCallback.builder()
        .name("boxoffice_outbox_publish_failures_total")
        .help("Failed delivery attempts (audit service or Kafka unavailable), per destination")
        .labelNames("destination")
        .callback(callback -> relays.all().forEach(r -> callback.call(r.failures(), name(r))))
        .register(registry);
    CounterWithCallback.builder()
        .name("boxoffice_outbox_parked_total")
        .help(
            "Outbox rows this instance parked because the destination refused them for good,"
                + " per destination")
        .labelNames("destination")
        .callback(callback -> relays.all().forEach(r -> callback.call(r.parked(), name(r))))
        .register(registry);
    GaugeWithCallback.builder()
        .name("boxoffice_outbox_parked_rows")
        .help(
            "Outbox rows parked now (refused by the destination, never delivered), per destination")
        .labelNames("destination")
        .callback(
            callback ->
                relays
                    .all()
                    .forEach(relay -> safely(() -> callback.call(relay.parkedRows(), name(relay)))))
        .register(registry);
  }

  private static String name(OutboxRelay relay) {
    return relay.destinationName();
  }

  private static void safely(Runnable read) {
    try {
      read.run();
    } catch (RuntimeException e) {
      LOG.debug("outbox backlog unavailable: {}", e.getMessage());
    }
  }
}
