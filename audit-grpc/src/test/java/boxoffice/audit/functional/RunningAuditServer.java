package boxoffice.audit.functional;

import boxoffice.audit.AuditServer;
import boxoffice.audit.v1.AuditServiceGrpc;
import boxoffice.testing.TestDatabase;
import io.grpc.ManagedChannel;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link TestAuditServer} for every test of a class: started before the first, closed after the
 * last. Register it with {@code @RegisterExtension static final RunningAuditServer audit = new
 * RunningAuditServer();}.
 */
final class RunningAuditServer implements BeforeAllCallback, AfterAllCallback {
  private TestAuditServer server;

  @Override
  public void beforeAll(ExtensionContext context) {
    server = TestAuditServer.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) {
      server.close();
    }
  }

  AuditServiceGrpc.AuditServiceBlockingStub audit() {
    return server.audit();
  }

  AuditServiceGrpc.AuditServiceFutureStub auditFutures() {
    return server.auditFutures();
  }

  ManagedChannel channel() {
    return server.channel();
  }

  TestDatabase database() {
    return server.database();
  }

  AuditServer server() {
    return server.server();
  }
}
