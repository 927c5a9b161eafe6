package boxoffice.audit.data;

import boxoffice.audit.log.ChainHead;
import boxoffice.audit.log.EntryQuery;
import boxoffice.audit.log.StoredEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The SQL of the audit database. Entries are only ever inserted: there is no statement here that
 * changes or removes one. Every method runs inside a transaction opened by {@link JdbiAuditStore},
 * on a {@link org.jdbi.v3.core.Jdbi} where {@link StoredEntryMapper} is registered.
 */
@RegisterConstructorMapper(ChainHead.class)
interface AuditEntryDao extends SqlObject {
  /** Rows read per round trip while streaming query results. */
  int FETCH_SIZE = 100;

  /** Bounds every later statement of this transaction to {@code millis}. */
  @SqlQuery("SELECT set_config('statement_timeout', :millis, true)")
  String limitStatementTime(@Bind("millis") String millis);

  /** The chain head, locked until the transaction ends: appends queue here, one at a time. */
  @SqlQuery("SELECT last_sequence, last_hash FROM audit_chain_head FOR UPDATE")
  ChainHead lockChainHead();

  @SqlQuery("SELECT last_sequence, last_hash FROM audit_chain_head")
  ChainHead chainHead();

  @SqlUpdate("UPDATE audit_chain_head SET last_sequence = :lastSequence, last_hash = :lastHash")
  void moveChainHead(@BindMethods ChainHead head);

  @SqlQuery(
      "SELECT " + StoredEntryMapper.COLUMNS + " FROM audit_entries WHERE entry_id IN (<entryIds>)")
  List<StoredEntry> entriesWithIds(@BindList("entryIds") Collection<UUID> entryIds);

  @SqlBatch(
      "INSERT INTO audit_entries (sequence, entry_id, action, actor_id, entity_type, entity_id,"
          + " occurred_at, payload, recorded_at, prev_hash, hash)"
          + " VALUES (:sequence, :entryId, :action, :actorId, :entityType, :entityId,"
          + " :occurredAt, :payloadJson, :recordedAt, :previousHash, :hash)")
  void insert(@BindMethods Iterable<StoredEntry> entries);

  @SqlQuery(
      "SELECT "
          + StoredEntryMapper.COLUMNS
          + " FROM audit_entries WHERE sequence > :after AND sequence <= :upTo"
          + " ORDER BY sequence LIMIT :limit")
  List<StoredEntry> chainSegment(
      @Bind("after") long after, @Bind("upTo") long upTo, @Bind("limit") int limit);

  /**
   * Streams the entries matching {@code query} to {@code sink} through a cursor, oldest first. Only
   * the filters that are set become conditions, so each can use its index.
   */
  default void forEachMatching(EntryQuery query, Consumer<StoredEntry> sink) {
    List<Condition> conditions = new ArrayList<>();
    conditions.add(new Condition("sequence > :after", "after", query.afterSequence()));
    if (!query.actorId().isEmpty()) {
      conditions.add(new Condition("actor_id = :actorId", "actorId", query.actorId()));
    }
    if (!query.action().isEmpty()) {
      conditions.add(new Condition("action = :action", "action", query.action()));
    }
    if (!query.entityType().isEmpty()) {
      conditions.add(new Condition("entity_type = :entityType", "entityType", query.entityType()));
    }
    if (!query.entityId().isEmpty()) {
      conditions.add(new Condition("entity_id = :entityId", "entityId", query.entityId()));
    }
    query
        .from()
        .ifPresent(from -> conditions.add(new Condition("occurred_at >= :from", "from", from)));
    query.to().ifPresent(to -> conditions.add(new Condition("occurred_at < :to", "to", to)));
    String sql =
        "SELECT "
            + StoredEntryMapper.COLUMNS
            + " FROM audit_entries WHERE "
            + String.join(" AND ", conditions.stream().map(Condition::sql).toList())
            + " ORDER BY sequence LIMIT :limit";
    try (Query statement = getHandle().createQuery(sql)) {
      conditions.forEach(condition -> statement.bind(condition.name(), condition.value()));
      statement
          .bind("limit", query.pageSize())
          .setFetchSize(FETCH_SIZE)
          .map(new StoredEntryMapper())
          .forEach(sink);
    }
  }

  /** One filter: its SQL and the parameter it binds. */
  record Condition(String sql, String name, Object value) {}
}
