package boxoffice.app.observability;

import boxoffice.app.cache.EventCache;
import boxoffice.app.config.AppConfig;
import boxoffice.app.data.BookingLanes;
import boxoffice.app.data.EventStatusCounts;
import boxoffice.app.outbox.OutboxRelay;
import boxoffice.app.outbox.OutboxRelays;
import boxoffice.platform.database.PoolMetrics;
import boxoffice.platform.logging.CountingAsyncAppender;
import com.zaxxer.hikari.HikariDataSource;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
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
      BookingLanes bookingLanes,
      Clock clock) {
    JvmMetrics.builder().register(registry);
    PoolMetrics.register(registry, pool);
    registerCache(registry, cache, config.cache().type().name().toLowerCase(Locale.ROOT));
    registerOutbox(registry, relays, clock);
    CounterWithCallback.builder()
        .name("boxoffice_log_lines_dropped_total")
        .help("Log lines (access lines among them) dropped because stdout fell behind")
        .callback(callback -> callback.call(CountingAsyncAppender.dropped()))
        .register(registry);
    CounterWithCallback.builder()
        .name("boxoffice_booking_batches_total")
        .help("Transactions that seated two or more concurrent bookings of one event together")
        .callback(callback -> callback.call(bookingLanes.batchesCommitted()))
        .register(registry);
    CounterWithCallback.builder()
        .name("boxoffice_booking_batched_total")
        .help("Bookings (seated or refused) run in those transactions")
        .callback(callback -> callback.call(bookingLanes.bookingsInBatches()))
        .register(registry);
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
    destinationGauge(
        registry,
        relays,
        "boxoffice_outbox_backlog",
        "Outbox rows not yet delivered, per destination",
        relay -> relay.backlog().waiting());
    destinationGauge(
        registry,
        relays,
        "boxoffice_outbox_oldest_age_seconds",
        "Age of the oldest undelivered outbox row, per destination (0 when none waits)",
        relay ->
            relay
                .backlog()
                .oldest()
                .map(o -> Duration.between(o, clock.instant()).toMillis() / 1000.0)
                .orElse(0.0));
    destinationCounter(
        registry,
        relays,
        "boxoffice_outbox_delivered_total",
        "Outbox rows delivered, per destination",
        OutboxRelay::delivered);
    destinationCounter(
        registry,
        relays,
        "boxoffice_outbox_publish_failures_total",
        "Failed delivery attempts (audit service or Kafka unavailable), per destination",
        OutboxRelay::failures);
    destinationCounter(
        registry,
        relays,
        "boxoffice_outbox_parked_total",
        "Outbox rows this instance parked because the destination refused them for good,"
            + " per destination",
        OutboxRelay::parked);
    destinationGauge(
        registry,
        relays,
        "boxoffice_outbox_parked_rows",
        "Outbox rows parked now (refused by the destination, never delivered), per destination",
        OutboxRelay::parkedRows);
  }

  /**
   * A gauge with one series per outbox destination, read from the database at scrape time; a
   * destination whose value cannot be read now is left out of this scrape.
   */
  private static void destinationGauge(
      PrometheusRegistry registry,
      OutboxRelays relays,
      String name,
      String help,
      ToDoubleFunction<OutboxRelay> read) {
    GaugeWithCallback.builder()
        .name(name)
        .help(help)
        .labelNames("destination")
        .callback(
            callback ->
                relays
                    .all()
                    .forEach(
                        relay ->
                            safely(() -> callback.call(read.applyAsDouble(relay), name(relay)))))
        .register(registry);
  }

  /** A counter with one series per outbox destination, kept by the relay in memory. */
  private static void destinationCounter(
      PrometheusRegistry registry,
      OutboxRelays relays,
      String name,
      String help,
      ToDoubleFunction<OutboxRelay> read) {
    CounterWithCallback.builder()
        .name(name)
        .help(help)
        .labelNames("destination")
        .callback(
            callback -> relays.all().forEach(r -> callback.call(read.applyAsDouble(r), name(r))))
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
