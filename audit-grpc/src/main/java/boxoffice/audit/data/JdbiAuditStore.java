package boxoffice.audit.data;

import boxoffice.audit.log.AuditStore;
import boxoffice.audit.log.ChainHead;
import boxoffice.audit.log.DeadlinePassedException;
import boxoffice.audit.log.EntryQuery;
import boxoffice.audit.log.NewEntry;
import boxoffice.audit.log.RecordOutcome;
import boxoffice.audit.log.StoreUnavailableException;
import boxoffice.audit.log.StoredEntry;
import boxoffice.audit.log.TimeBudget;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log in PostgreSQL through JDBI. Appends lock the single chain-head row inside their
 * transaction, so concurrent callers queue and each entry is chained to the one committed before
 * it. Each transaction's statement timeout is what is left of the caller's budget.
 */
public final class JdbiAuditStore implements AuditStore {
  /** The Liquibase changelog of the tables this store reads and writes, on the classpath. */
  public static final String CHANGELOG = "db/audit/changelog.yaml";

  private static final Logger LOG = LoggerFactory.getLogger(JdbiAuditStore.class);

  private final Jdbi jdbi;
  private final Clock clock;

  /** Registers the row mapper of audit entries on {@code jdbi}. */
  public JdbiAuditStore(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi.registerRowMapper(StoredEntry.class, new StoredEntryMapper());
    this.clock = clock;
  }

  @Override
  public List<RecordOutcome> append(List<NewEntry> entries, TimeBudget budget) {
    return inTransaction(
        budget,
        dao -> {
          ChainHead head = dao.lockChainHead();
          Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
          Map<UUID, StoredEntry> stored = storedWithIdsOf(dao, entries);
          List<RecordOutcome> outcomes = new ArrayList<>(entries.size());
          List<StoredEntry> appended = new ArrayList<>();
          for (NewEntry entry : entries) {
            budget.check();
            StoredEntry earlier = stored.get(entry.entryId());
            if (earlier != null) {
              warnIfContentDiffers(earlier, entry);
              outcomes.add(new RecordOutcome(earlier.sequence(), true));
              continue;
            }
            StoredEntry next =
                StoredEntry.chain(entry, head.lastSequence() + 1, recordedAt, head.lastHash());
            head = new ChainHead(next.sequence(), next.hash());
            stored.put(entry.entryId(), next);
            appended.add(next);
            outcomes.add(new RecordOutcome(next.sequence(), false));
          }
          if (!appended.isEmpty()) {
            dao.insert(appended);
            dao.moveChainHead(head);
          }
          return outcomes;
        });
  }

  @Override
  public void query(EntryQuery query, TimeBudget budget, Consumer<StoredEntry> sink) {
    inTransaction(
        budget,
        dao -> {
          dao.forEachMatching(
              query,
              entry -> {
                budget.check();
                sink.accept(entry);
              });
          return null;
        });
  }

  @Override
  public ChainHead chainHead(TimeBudget budget) {
    return inTransaction(budget, AuditEntryDao::chainHead);
  }

  @Override
  public List<StoredEntry> chainSegment(long after, long upTo, int limit, TimeBudget budget) {
    return inTransaction(budget, dao -> dao.chainSegment(after, upTo, limit));
  }

  private static Map<UUID, StoredEntry> storedWithIdsOf(AuditEntryDao dao, List<NewEntry> entries) {
    var ids = new LinkedHashSet<UUID>();
    entries.forEach(entry -> ids.add(entry.entryId()));
    Map<UUID, StoredEntry> stored = new HashMap<>();
    dao.entriesWithIds(ids).forEach(entry -> stored.put(entry.entryId(), entry));
    return stored;
  }

  private static void warnIfContentDiffers(StoredEntry earlier, NewEntry entry) {
    if (!earlier.says(entry)) {
      LOG.warn(
          "entry id {} was sent again with other content; kept the entry stored at sequence {}",
          entry.entryId(),
          earlier.sequence());
    }
  }

  /**
   * Runs {@code work} in a transaction (read committed, PostgreSQL's default) whose statements may
   * take at most what is left of {@code budget}; database failures become the log's own exceptions.
   */
  private <T> T inTransaction(TimeBudget budget, Function<AuditEntryDao, T> work) {
    budget.check();
    try {
      return jdbi.inTransaction(
          handle -> {
            AuditEntryDao dao = handle.attach(AuditEntryDao.class);
            dao.limitStatementTime(Long.toString(statementMillis(budget)));
            return work.apply(dao);
          });
    } catch (JdbiException e) {
      throw translate(e);
    }
  }

  private static long statementMillis(TimeBudget budget) {
    long millis = budget.remaining().toMillis();
    if (millis < 1) {
      throw new DeadlinePassedException("the deadline passed before the database was asked");
    }
    return millis;
  }

  private static RuntimeException translate(JdbiException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException
          || cause instanceof SQLRecoverableException) {
        return new StoreUnavailableException("no connection to the audit database", e);
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.equals("57014") || state.equals("55P03")) {
          return new DeadlinePassedException("the database did not answer before the deadline", e);
        }
        if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")) {
          return new StoreUnavailableException("the audit database is unavailable", e);
        }
      }
    }
    return new IllegalStateException("audit database failure: " + e.getMessage(), e);
  }
}
