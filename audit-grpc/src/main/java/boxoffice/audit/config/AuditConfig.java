package boxoffice.audit.config;

import boxoffice.platform.config.Redacted;
import java.time.Duration;

/** The whole validated configuration of the audit server. */
public record AuditConfig(Profile profile, Grpc grpc, Database db, Auth auth, Metrics metrics) {

  /** The gRPC listener: its port (0 picks a free one) and how long shutdown waits for calls. */
  public record Grpc(int port, Duration shutdownGracePeriod) {}

  /**
   * The audit database and its connection pool; {@code statementTimeout} bounds every statement (a
   * caller's shorter deadline bounds it further).
   */
  public record Database(
      String url,
      String user,
      String password,
      int poolSize,
      Duration connectionTimeout,
      Duration statementTimeout) {
    @Override
    public String toString() {
      return Redacted.toString(this, "password");
    }
  }

  /** The shared token callers present as {@code authorization: Bearer <token>}. */
  public record Auth(String token) {
    @Override
    public String toString() {
      return Redacted.toString(this, "token");
    }
  }

  /** The HTTP listener of {@code GET /metrics} (Prometheus text); 0 picks a free port. */
  public record Metrics(int port) {}
}
