package boxoffice.audit;

import boxoffice.audit.config.AuditConfig;
import boxoffice.audit.data.AuditDataSource;
import boxoffice.audit.data.JdbiAuditStore;
import boxoffice.audit.grpc.AuditGrpcService;
import boxoffice.audit.grpc.BearerTokenInterceptor;
import boxoffice.audit.grpc.CallLogInterceptor;
import boxoffice.audit.grpc.CallMetricsInterceptor;
import boxoffice.audit.grpc.CallTracingInterceptor;
import boxoffice.audit.log.AuditLog;
import boxoffice.audit.observability.MetricsHttpServer;
import boxoffice.audit.observability.PrometheusAuditMetrics;
import boxoffice.audit.v1.AuditServiceGrpc;
import boxoffice.platform.database.LiquibaseMigrations;
import boxoffice.platform.database.PoolMetrics;
import boxoffice.platform.database.SqlTracing;
import com.zaxxer.hikari.HikariDataSource;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.opentelemetry.api.OpenTelemetry;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running audit server: migrated database, the audit service behind the token check, the
 * standard health service and server reflection, and next to the gRPC port an HTTP port serving
 * Prometheus metrics. Health turns SERVING once migrations are applied; {@link #stop()} drains
 * in-flight calls for the grace period before cancelling what is left.
 */
public final class AuditServer {
  private static final Logger LOG = LoggerFactory.getLogger(AuditServer.class);
  private static final Duration CANCELLED_CALLS_WAIT = Duration.ofSeconds(5);

  private final Server server;
  private final HealthStatusManager health;
  private final HikariDataSource dataSource;
  private final MetricsHttpServer metrics;
  private final Duration gracePeriod;
  private final AtomicBoolean stopping = new AtomicBoolean();

  private AuditServer(
      Server server,
      HealthStatusManager health,
      HikariDataSource dataSource,
      MetricsHttpServer metrics,
      Duration grace) {
    this.server = server;
    this.health = health;
    this.dataSource = dataSource;
    this.metrics = metrics;
    this.gracePeriod = grace;
  }

  /** {@link #start(AuditConfig, Clock, OpenTelemetry)} with tracing off. */
  public static AuditServer start(AuditConfig config, Clock clock) {
    return start(config, clock, OpenTelemetry.noop());
  }

  /**
   * Applies the migrations and starts listening; fails fast, leaving nothing open, if either fails.
   * Every call gets a server span from {@code openTelemetry}, continuing the caller's trace; the
   * caller owns {@code openTelemetry} and shuts it down after {@link #stop()}.
   */
  public static AuditServer start(AuditConfig config, Clock clock, OpenTelemetry openTelemetry) {
    // A registry per server: servers started side by side in one JVM keep their series apart.
    PrometheusRegistry registry = new PrometheusRegistry();
    HikariDataSource dataSource = AuditDataSource.create(config.db());
    MetricsHttpServer metrics = null;
    try {
      JvmMetrics.builder().register(registry);
      PoolMetrics.register(registry, dataSource);
      metrics = MetricsHttpServer.start(config.metrics().port(), registry);
      new LiquibaseMigrations(dataSource, JdbiAuditStore.CHANGELOG).apply();
      Jdbi jdbi =
          SqlTracing.everyStatement(
              Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()),
              openTelemetry,
              "boxoffice.audit.data");
      AuditLog log =
          new AuditLog(new JdbiAuditStore(jdbi, clock), new PrometheusAuditMetrics(registry));
      AuditGrpcService audit = new AuditGrpcService(log, config.db().statementTimeout());
      HealthStatusManager health = new HealthStatusManager();
      Server server =
          Grpc.newServerBuilderForPort(config.grpc().port(), InsecureServerCredentials.create())
              // Interceptors run last-added first: tracing, then the call log, then the token
              // check, so refused calls are traced and logged too. Metrics count every service.
              .addService(
                  ServerInterceptors.intercept(
                      audit,
                      new BearerTokenInterceptor(config.auth().token()),
                      new CallLogInterceptor(),
                      new CallTracingInterceptor(openTelemetry)))
              .addService(health.getHealthService())
              .addService(ProtoReflectionServiceV1.newInstance())
              .intercept(
                  new CallMetricsInterceptor(registry, AuditServiceGrpc.getServiceDescriptor()))
              .build()
              .start();
      health.setStatus("", ServingStatus.SERVING);
      health.setStatus(AuditServiceGrpc.SERVICE_NAME, ServingStatus.SERVING);
      return new AuditServer(
          server, health, dataSource, metrics, config.grpc().shutdownGracePeriod());
    } catch (IOException e) {
      closeAll(metrics, dataSource);
      throw new IllegalStateException(
          "cannot listen on port " + config.grpc().port() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeAll(metrics, dataSource);
      throw e;
    }
  }

  private static void closeAll(MetricsHttpServer metrics, HikariDataSource dataSource) {
    if (metrics != null) {
      metrics.close();
    }
    dataSource.close();
  }

  /** The port listened on (the one picked when configured as 0). */
  public int port() {
    return server.getPort();
  }

  /** The port of {@code GET /metrics} (the one picked when configured as 0). */
  public int metricsPort() {
    return metrics.port();
  }

  /**
   * Stops gracefully: health reports NOT_SERVING, new calls are refused, calls in flight get the
   * grace period to finish, then whatever is left is cancelled, the metrics port and the database
   * pool closed. Safe to call more than once and from a shutdown hook.
   */
  public void stop() {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    LOG.info("audit server stopping; calls in flight get up to {}", gracePeriod);
    health.enterTerminalState();
    server.shutdown();
    try {
      if (!server.awaitTermination(gracePeriod.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("calls still running after the {} grace period are cancelled", gracePeriod);
        server.shutdownNow();
        server.awaitTermination(CANCELLED_CALLS_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    } finally {
      metrics.close();
      dataSource.close();
      LOG.info("audit server stopped");
    }
  }

  /** Blocks until the server has stopped. */
  public void blockUntilShutdown() throws InterruptedException {
    server.awaitTermination();
  }
}
