package boxoffice.audit.log;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The use cases of the audit log: record, record a batch, query and verify the chain. */
public final class AuditLog {
  /** Most entries one batch may carry. */
  public static final int MAX_BATCH_SIZE = 1000;

  /** Entries read per round trip while verifying the chain. */
  static final int VERIFY_PAGE_SIZE = 1000;

  private final AuditStore store;
  private final AuditMetrics metrics;

  public AuditLog(AuditStore store) {
    this(store, AuditMetrics.none());
  }

  public AuditLog(AuditStore store, AuditMetrics metrics) {
    this.store = store;
    this.metrics = metrics;
  }

  /** Records one entry; a repeated entry id is acknowledged with the original sequence. */
  public RecordOutcome record(NewEntry entry, TimeBudget budget) {
    RecordOutcome outcome = store.append(List.of(entry), budget).getFirst();
    metrics.recorded(outcome.duplicate() ? 0 : 1, outcome.duplicate() ? 1 : 0);
    return outcome;
  }

  /** Records 1 to {@value #MAX_BATCH_SIZE} entries in order, all or none. */
  public BatchOutcome recordBatch(List<NewEntry> entries, TimeBudget budget) {
    if (entries.isEmpty()) {
      throw new InvalidRequestException("entries must not be empty");
    }
    if (entries.size() > MAX_BATCH_SIZE) {
      throw new InvalidRequestException(
          "entries must be at most " + MAX_BATCH_SIZE + " per batch, got " + entries.size());
    }
    BatchOutcome outcome = BatchOutcome.of(store.append(entries, budget));
    metrics.recorded(outcome.recorded(), outcome.duplicates());
    return outcome;
  }

  /** Hands the entries matching {@code query} to {@code sink}, oldest first. */
  public void query(EntryQuery query, TimeBudget budget, Consumer<StoredEntry> sink) {
    store.query(query, budget, sink);
  }

  /**
   * Recomputes the chain up to the head as it is now, page by page, checking the budget between
   * pages; reports the first entry that was altered, removed or moved.
   */
  public ChainReport verify(TimeBudget budget) {
    ChainReport report = verifyUpToHead(budget);
    metrics.verified(report.valid());
    return report;
  }

  private ChainReport verifyUpToHead(TimeBudget budget) {
    ChainHead head = store.chainHead(budget);
    ChainVerifier verifier = new ChainVerifier(head);
    while (true) {
      budget.check();
      List<StoredEntry> page =
          store.chainSegment(
              verifier.lastVerifiedSequence(), head.lastSequence(), VERIFY_PAGE_SIZE, budget);
      for (StoredEntry entry : page) {
        Optional<ChainReport> broken = verifier.accept(entry);
        if (broken.isPresent()) {
          return broken.get();
        }
      }
      if (page.size() < VERIFY_PAGE_SIZE) {
        return verifier.finish();
      }
    }
  }
}
