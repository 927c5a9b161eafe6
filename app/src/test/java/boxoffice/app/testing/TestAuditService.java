package boxoffice.app.testing;

import boxoffice.audit.AuditServer;
import boxoffice.audit.config.AuditConfigLoader;
import boxoffice.audit.v1.AuditEntry;
import boxoffice.audit.v1.AuditServiceGrpc;
import boxoffice.audit.v1.QueryRequest;
import boxoffice.testing.ConnectionBudget;
import boxoffice.testing.TestDatabase;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.opentelemetry.api.OpenTelemetry;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real audit gRPC server on a fixed free port with its own fresh database; it can be stopped
 * and started again on the same port, as an outage would.
 */
public final class TestAuditService implements AutoCloseable {
  public static final String TOKEN = "audit-token-for-tests-0123456789";

  private final TestDatabase database = TestDatabase.create();
  private final int port = freePort();
  private AuditServer server;

  private static final int POOL_SIZE = 3;
  private final OpenTelemetry openTelemetry;
  private final ConnectionBudget.Reservation connections;

  public TestAuditService() {
    this(OpenTelemetry.noop());
  }

  /** The service recording its spans with {@code openTelemetry}. */
  public TestAuditService(OpenTelemetry openTelemetry) {
    this.openTelemetry = openTelemetry;
    this.connections = ConnectionBudget.reserve(POOL_SIZE);
    start();
  }

  public void start() {
    var config =
        new AuditConfigLoader()
            .load(
                Map.of(
                    "GRPC_PORT",
                    String.valueOf(port),
                    "METRICS_PORT",
                    "0",
                    "DB_URL",
                    database.url(),
                    "DB_USER",
                    database.user(),
                    "DB_PASSWORD",
                    database.password(),
                    "DB_POOL_SIZE",
                    String.valueOf(POOL_SIZE),
                    "AUTH_TOKEN",
                    TOKEN,
                    "GRPC_SHUTDOWN_GRACE_PERIOD",
                    "1s"));
    // Parallel test classes may hold every server connection for a moment: wait for room.
    server =
        TestDatabase.whenServerHasRoom(
            () -> AuditServer.start(config, Clock.systemUTC(), openTelemetry));
  }

  public void stop() {
    server.stop();
  }

  public String target() {
    return "127.0.0.1:" + port;
  }

  /** Where Prometheus would scrape this server. */
  public String metricsUrl() {
    return "http://127.0.0.1:" + server.metricsPort() + "/metrics";
  }

  /** Settings that point an app's audit relay here, polling often so tests stay quick. */
  public Map<String, String> relaySettings() {
    return Map.of(
        "AUDIT_TARGET",
        target(),
        "AUDIT_TOKEN",
        TOKEN,
        "OUTBOX_POLL_INTERVAL",
        "50ms",
        "OUTBOX_MAX_BACKOFF",
        "500ms");
  }

  /** Entries of one entity, oldest first, read through the service's Query call. */
  public List<AuditEntry> entriesOf(String entityType, String entityId) {
    ManagedChannel channel = NettyChannelBuilder.forTarget(target()).usePlaintext().build();
    try {
      Metadata headers = new Metadata();
      headers.put(
          Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + TOKEN);
      var stub =
          AuditServiceGrpc.newBlockingStub(channel)
              .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
      List<AuditEntry> entries = new ArrayList<>();
      stub.query(
              QueryRequest.newBuilder()
                  .setEntityType(entityType)
                  .setEntityId(entityId)
                  .setPageSize(1000)
                  .build())
          .forEachRemaining(entries::add);
      return entries;
    } finally {
      channel.shutdownNow();
    }
  }

  /** How many entries the audit database holds, and how many distinct entry ids. */
  public long[] storedAndDistinct() {
    try (var connection = database.connect();
        var rows =
            connection
                .createStatement()
                .executeQuery("SELECT count(*), count(DISTINCT entry_id) FROM audit_entries")) {
      rows.next();
      return new long[] {rows.getLong(1), rows.getLong(2)};
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop();
    connections.close();
    database.close();
  }
}
