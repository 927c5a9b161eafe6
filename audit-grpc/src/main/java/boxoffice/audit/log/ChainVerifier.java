package boxoffice.audit.log;

import java.util.Optional;

/**
 * Walks the log in sequence order and recomputes the chain: each entry must carry the next
 * sequence, point at the hash recomputed for the one before it, and hash to the value it carries.
 * The first entry that does not is reported; nothing after it is judged, as everything after a
 * break differs from the original chain.
 */
final class ChainVerifier {
  private final ChainHead head;
  private long expectedSequence = 1;
  private String previousHash = ChainHash.GENESIS;
  private long checked;

  /** Checks entries up to the head read before the walk: later appends are not judged. */
  ChainVerifier(ChainHead head) {
    this.head = head;
  }

  /** The report when {@code entry} breaks the chain, empty when it continues it. */
  Optional<ChainReport> accept(StoredEntry entry) {
    checked++;
    if (entry.sequence() != expectedSequence) {
      return Optional.of(
          ChainReport.broken(
              checked, expectedSequence, gap(expectedSequence, entry.sequence() - 1)));
    }
    String recomputed = ChainHash.of(previousHash, entry);
    if (!entry.previousHash().equals(previousHash)) {
      return Optional.of(
          ChainReport.broken(
              checked,
              entry.sequence(),
              "previous hash mismatch (entry moved, replaced or reordered)"));
    }
    if (!entry.hash().equals(recomputed)) {
      return Optional.of(
          ChainReport.broken(checked, entry.sequence(), "hash mismatch (entry altered)"));
    }
    previousHash = recomputed;
    expectedSequence++;
    return Optional.empty();
  }

  /** The report after the last entry: entries missing at the end break the chain too. */
  ChainReport finish() {
    long lastSeen = expectedSequence - 1;
    if (lastSeen < head.lastSequence()) {
      return ChainReport.broken(
          checked, expectedSequence, gap(expectedSequence, head.lastSequence()) + " at the end");
    }
    if (!head.lastHash().equals(previousHash)) {
      return ChainReport.broken(
          checked, head.lastSequence(), "hash mismatch (the chain head records another hash)");
    }
    return ChainReport.intact(checked);
  }

  /** The sequence after which the walk continues. */
  long lastVerifiedSequence() {
    return expectedSequence - 1;
  }

  private static String gap(long firstMissing, long lastMissing) {
    return firstMissing == lastMissing
        ? "sequence gap (missing " + firstMissing + ")"
        : "sequence gap (missing " + firstMissing + " to " + lastMissing + ")";
  }
}
