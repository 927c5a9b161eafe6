package boxoffice.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * A HikariCP pool's connections, read when Prometheus scrapes; every service exposes the same
 * series, so one dashboard panel serves them all.
 */
public final class PoolMetrics {
  private PoolMetrics() {}

  public static void register(PrometheusRegistry registry, HikariDataSource pool) {
    GaugeWithCallback.builder()
        .name("hikaricp_connections")
        .help("Database pool connections by state")
        .labelNames("pool", "state")
        .callback(
            callback -> {
              HikariPoolMXBean bean = pool.getHikariPoolMXBean();
              if (bean != null) {
                callback.call(bean.getActiveConnections(), pool.getPoolName(), "active");
                callback.call(bean.getIdleConnections(), pool.getPoolName(), "idle");
                callback.call(bean.getThreadsAwaitingConnection(), pool.getPoolName(), "pending");
                callback.call(bean.getTotalConnections(), pool.getPoolName(), "total");
              }
            })
        .register(registry);
    GaugeWithCallback.builder()
        .name("hikaricp_connections_max")
        .help("Largest size of the database pool")
        .labelNames("pool")
        .callback(callback -> callback.call(pool.getMaximumPoolSize(), pool.getPoolName()))
        .register(registry);
  }
}
