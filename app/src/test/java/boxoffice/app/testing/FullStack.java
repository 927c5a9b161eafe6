package boxoffice.app.testing;

import boxoffice.testing.Await;
import io.opentelemetry.api.OpenTelemetry;
import java.io.IOException;
import java.time.Duration;

/**
 * All three services for end-to-end tests: the audit server, the app relaying its outbox to it and
 * to Kafka, and the notification service sending to SMTP.
 */
public final class FullStack implements AutoCloseable {
  private final TestAuditService audit;
  private final NotificationStack notifications;
  private final Fixtures fixtures;

  /** Each service records its spans with its own {@link OpenTelemetry}. */
  public FullStack(
      OpenTelemetry appTelemetry, OpenTelemetry auditTelemetry, OpenTelemetry notificationTelemetry)
      throws IOException {
    audit = new TestAuditService(auditTelemetry);
    try {
      notifications =
          new NotificationStack(true, audit.relaySettings(), appTelemetry, notificationTelemetry);
    } catch (IOException | RuntimeException e) {
      audit.close();
      throw e;
    }
    fixtures = new Fixtures(notifications.app());
  }

  public static FullStack untraced() throws IOException {
    return new FullStack(OpenTelemetry.noop(), OpenTelemetry.noop(), OpenTelemetry.noop());
  }

  public TestApp app() {
    return notifications.app();
  }

  public TestAuditService audit() {
    return audit;
  }

  public NotificationStack notifications() {
    return notifications;
  }

  public Fixtures fixtures() {
    return fixtures;
  }

  /** Until every outbox row reached both the audit server and Kafka. */
  public void awaitOutboxDelivered() {
    Await.until(
        Duration.ofSeconds(30),
        () ->
            fixtures.queryLong(
                    "SELECT count(*) FROM outbox"
                        + " WHERE audit_delivered_at IS NULL OR kafka_delivered_at IS NULL")
                == 0);
  }

  @Override
  public void close() throws IOException {
    try {
      notifications.close();
    } finally {
      audit.close();
    }
  }
}
