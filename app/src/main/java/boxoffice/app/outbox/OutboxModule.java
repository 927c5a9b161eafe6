package boxoffice.app.outbox;

import boxoffice.app.config.AppConfig;
import boxoffice.app.service.Outbox;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The outbox: rows written in the caller's transaction, and one relay per configured destination
 * (the audit log over gRPC, notifications over Kafka) that delivers them.
 */
public final class OutboxModule extends AbstractModule {
  @Override
  protected void configure() {
    install(new OutboxEncodingModule());
    bind(Outbox.class).to(JdbiOutbox.class).in(Singleton.class);
  }

  /** One relay per configured destination of the outbox (none when nothing is configured). */
  @Provides
  @Singleton
  OutboxRelays outboxRelays(AppConfig config, Jdbi jdbi, Clock clock, OpenTelemetry openTelemetry) {
    List<OutboxRelay> relays = new ArrayList<>();
    var outbox = config.outbox();
    var settings =
        new OutboxRelay.Settings(outbox.batchSize(), outbox.pollInterval(), outbox.maxBackoff());
    AppConfig.Audit audit = config.audit();
    if (audit.enabled()) {
      relays.add(
          new OutboxRelay(
              jdbi,
              new GrpcAuditPublisher(
                  audit.target(), audit.token(), audit.deadline(), openTelemetry),
              settings,
              clock));
    }
    AppConfig.Kafka kafka = config.kafka();
    if (kafka.enabled()) {
      relays.add(
          new OutboxRelay(
              jdbi,
              new KafkaOutboxPublisher(
                  kafka.bootstrapServers(), kafka.topic(), kafka.deadline(), openTelemetry),
              settings,
              clock));
    }
    return new OutboxRelays(relays);
  }

  @Provides
  @Singleton
  JdbiOutbox.OutboxDao outboxDao(Jdbi jdbi) {
    return jdbi.onDemand(JdbiOutbox.OutboxDao.class);
  }
}
