package boxoffice.audit.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChainVerifierTest {
  private static final Instant TIME = Instant.parse("2025-05-05T12:00:00Z");

  @Test
  void anEmptyLogIsValid() {
    ChainReport report = verify(new ChainHead(0, ChainHash.GENESIS), List.of());

    assertThat(report).isEqualTo(new ChainReport(true, 0, 0, ""));
  }

  @Test
  void anUnbrokenChainIsValidAndEveryEntryIsCounted() {
    List<StoredEntry> chain = chain(5);

    assertThat(verify(headOf(chain), chain)).isEqualTo(new ChainReport(true, 5, 0, ""));
  }

  @Test
  void anAlteredEntryIsNamedWithAHashMismatch() {
    List<StoredEntry> chain = chain(5);
    StoredEntry third = chain.get(2);
    chain.set(2, withPayload(third, "{\"seats\":200}"));

    ChainReport report = verify(headOf(chain), chain);

    assertThat(report.valid()).isFalse();
    assertThat(report.firstBadSequence()).isEqualTo(3);
    assertThat(report.problem()).isEqualTo("hash mismatch (entry altered)");
  }

  /** Entries {@code from} (inclusive) to {@code to} (exclusive, 0-based) of a chain deleted. */
  @ParameterizedTest(name = "{0} entries, [{1}, {2}) deleted: {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        "5 | 1 | 2 | 2 | sequence gap (missing 2)",
        "6 | 1 | 4 | 2 | sequence gap (missing 2 to 4)",
        "5 | 3 | 5 | 4 | sequence gap (missing 4 to 5) at the end"
      })
  void missingEntriesAreNamedAsOneGapAndTheChainHeadCatchesThoseAtTheEnd(
      int size, int from, int to, long firstBad, String problem) {
    List<StoredEntry> chain = chain(size);
    ChainHead head = headOf(chain);
    chain.subList(from, to).clear();

    ChainReport report = verify(head, chain);

    assertThat(report.firstBadSequence()).isEqualTo(firstBad);
    assertThat(report.problem()).isEqualTo(problem);
  }

  @Test
  void anEntryMovedToAnotherPositionIsNamedWhereItNowStands() {
    List<StoredEntry> chain = chain(5);
    StoredEntry second = chain.get(1);
    StoredEntry fourth = chain.get(3);
    chain.set(1, atSequence(fourth, 2));
    chain.set(3, atSequence(second, 4));

    ChainReport report = verify(headOf(chain(5)), chain);

    assertThat(report.firstBadSequence()).isEqualTo(2);
    assertThat(report.problem()).startsWith("previous hash mismatch");
  }

  private static ChainReport verify(ChainHead head, List<StoredEntry> entries) {
    ChainVerifier verifier = new ChainVerifier(head);
    for (StoredEntry entry : entries) {
      Optional<ChainReport> broken = verifier.accept(entry);
      if (broken.isPresent()) {
        return broken.get();
      }
    }
    return verifier.finish();
  }

  /** The same chain every time: entry ids and times are fixed. */
  private static List<StoredEntry> chain(int length) {
    List<StoredEntry> chain = new ArrayList<>();
    String previous = ChainHash.GENESIS;
    for (int sequence = 1; sequence <= length; sequence++) {
      NewEntry entry =
          new NewEntry(
              new UUID(0, sequence),
              "booking.created",
              "user-" + sequence,
              "booking",
              "b-" + sequence,
              TIME,
              "{\"seats\":" + sequence + "}");
      StoredEntry stored = StoredEntry.chain(entry, sequence, TIME, previous);
      chain.add(stored);
      previous = stored.hash();
    }
    return chain;
  }

  private static ChainHead headOf(List<StoredEntry> chain) {
    StoredEntry last = chain.getLast();
    return new ChainHead(last.sequence(), last.hash());
  }

  private static StoredEntry withPayload(StoredEntry e, String payload) {
    return copy(e, e.sequence(), payload);
  }

  private static StoredEntry atSequence(StoredEntry e, long sequence) {
    return copy(e, sequence, e.payloadJson());
  }

  /** {@code e} with another sequence and payload, keeping its hashes: a tampered entry. */
  private static StoredEntry copy(StoredEntry e, long sequence, String payload) {
    return new StoredEntry(
        sequence,
        e.entryId(),
        e.action(),
        e.actorId(),
        e.entityType(),
        e.entityId(),
        e.occurredAt(),
        payload,
        e.recordedAt(),
        e.previousHash(),
        e.hash());
  }
}
