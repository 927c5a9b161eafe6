package boxoffice.audit.log;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where the log is kept. There is deliberately no way to change or remove an entry. Every method
 * gives up with {@link DeadlinePassedException} when its budget is spent, and reports an
 * unreachable database with {@link StoreUnavailableException}.
 */
public interface AuditStore {

  /**
   * Appends the entries in order, in one transaction, each chained to the one before. An entry
   * whose id is already stored (or appears earlier in the same list) is acknowledged with the
   * original sequence and not stored again. Appends are serialised, so the chain never forks.
   */
  List<RecordOutcome> append(List<NewEntry> entries, TimeBudget budget);

  /** Hands the matching entries to {@code sink} oldest first; stops when the budget is spent. */
  void query(EntryQuery query, TimeBudget budget, Consumer<StoredEntry> sink);

  /** The last sequence given out and its hash. */
  ChainHead chainHead(TimeBudget budget);

  /** Up to {@code limit} entries with {@code after < sequence <= upTo}, by sequence. */
  List<StoredEntry> chainSegment(long after, long upTo, int limit, TimeBudget budget);
}
