package boxoffice.app.outbox;

import boxoffice.app.service.Outbox;
import boxoffice.app.service.OutboxEncoding;
import boxoffice.app.service.OutboxMessage;
import boxoffice.platform.TraceParent;
import jakarta.inject.Inject;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Outbox rows in PostgreSQL, written on the caller's transaction handle. Payloads come from {@link
 * OutboxEncoding}, bounded whatever the service put into them: a row no destination can take would
 * only be parked.
 */
final class JdbiOutbox implements Outbox {
  private final OutboxDao dao;
  private final OutboxEncoding encoding;

  @Inject
  JdbiOutbox(OutboxDao dao, OutboxEncoding encoding) {
    this.dao = dao;
    this.encoding = encoding;
  }

  @Override
  public void record(OutboxMessage message) {
    String payload = encoding.json(message);
    dao.insert(
        message.id(),
        message.type().wireName(),
        message.type().aggregateType(),
        message.aggregateId(),
        message.actorId().orElse(null),
        payload,
        TraceParent.current());
  }

  /** SQL of the outbox table. */
  interface OutboxDao {
    @SqlUpdate(
        "INSERT INTO outbox (id, type, aggregate_type, aggregate_id, actor_id, payload,"
            + " trace_parent) VALUES (:id, :type, :aggregateType, :aggregateId, :actorId,"
            + " CAST(:payload AS jsonb), :traceParent)")
    void insert(
        @Bind("id") UUID id,
        @Bind("type") String type,
        @Bind("aggregateType") String aggregateType,
        @Bind("aggregateId") UUID aggregateId,
        @Bind("actorId") UUID actorId,
        @Bind("payload") String payload,
        @Bind("traceParent") String traceParent);
  }
}
