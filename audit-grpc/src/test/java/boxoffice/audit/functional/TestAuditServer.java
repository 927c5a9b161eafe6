package boxoffice.audit.functional;

import boxoffice.audit.AuditServer;
import boxoffice.audit.config.AuditConfig;
import boxoffice.audit.config.Profile;
import boxoffice.audit.v1.AuditServiceGrpc;
import boxoffice.testing.TestDatabase;
import io.grpc.ClientInterceptor;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The real {@link AuditServer} on a free port against its own fresh database, with a plaintext
 * channel to it. Close it to stop the server, close the channel and drop the database.
 */
final class TestAuditServer implements AutoCloseable {
  static final String TOKEN = "test-token-0123456789abcdef";

  private final TestDatabase database;
  private final AuditServer server;
  private final ManagedChannel channel;

  private TestAuditServer(TestDatabase database, AuditServer server) {
    this.database = database;
    this.server = server;
    this.channel =
        Grpc.newChannelBuilderForAddress(
                "127.0.0.1", server.port(), InsecureChannelCredentials.create())
            .build();
  }

  static TestAuditServer start() {
    return start(Duration.ofSeconds(10));
  }

  static TestAuditServer start(Duration shutdownGracePeriod) {
    return start(shutdownGracePeriod, OpenTelemetry.noop());
  }

  /** A server that traces its calls with {@code openTelemetry}. */
  static TestAuditServer start(OpenTelemetry openTelemetry) {
    return start(Duration.ofSeconds(10), openTelemetry);
  }

  private static TestAuditServer start(Duration shutdownGracePeriod, OpenTelemetry openTelemetry) {
    TestDatabase database = TestDatabase.create("audit");
    try {
      return new TestAuditServer(
          database,
          AuditServer.start(
              config(database, shutdownGracePeriod), Clock.systemUTC(), openTelemetry));
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** Another server on the same database, for tests that stop one. */
  static AuditServer startOn(TestDatabase database, Duration shutdownGracePeriod) {
    return AuditServer.start(config(database, shutdownGracePeriod), Clock.systemUTC());
  }

  static AuditConfig config(TestDatabase database, Duration shutdownGracePeriod) {
    return new AuditConfig(
        Profile.DEV,
        new AuditConfig.Grpc(0, shutdownGracePeriod),
        new AuditConfig.Database(
            database.url(),
            database.user(),
            database.password(),
            8,
            Duration.ofSeconds(2),
            Duration.ofSeconds(30)),
        new AuditConfig.Auth(TOKEN),
        new AuditConfig.Metrics(0));
  }

  TestDatabase database() {
    return database;
  }

  AuditServer server() {
    return server;
  }

  ManagedChannel channel() {
    return channel;
  }

  /** A blocking stub that sends the right token. */
  AuditServiceGrpc.AuditServiceBlockingStub audit() {
    return AuditServiceGrpc.newBlockingStub(channel).withInterceptors(bearer(TOKEN));
  }

  /** An asynchronous stub that sends the right token. */
  AuditServiceGrpc.AuditServiceFutureStub auditFutures() {
    return AuditServiceGrpc.newFutureStub(channel).withInterceptors(bearer(TOKEN));
  }

  static ClientInterceptor bearer(String token) {
    return authorization("Bearer " + token);
  }

  static ClientInterceptor authorization(String value) {
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), value);
    return MetadataUtils.newAttachHeadersInterceptor(headers);
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.stop();
    database.close();
  }
}
