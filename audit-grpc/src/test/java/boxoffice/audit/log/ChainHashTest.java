package boxoffice.audit.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The canonical form and hash, against values computed independently (Python's hashlib). */
class ChainHashTest {
  private static final Instant TIME = Instant.parse("2025-01-02T03:04:05.000006Z");

  @Test
  void theDocumentedExampleHasTheDocumentedCanonicalFormAndHash() {
    StoredEntry entry = entry("a", "");

    assertThat(ChainHash.canonicalForm(entry))
        .isEqualTo(
            "1:1,36:00000000-0000-0000-0000-000000000001,1:a,0:,1:e,1:1,"
                + "27:2025-01-02T03:04:05.000006Z,27:2025-01-02T03:04:05.000006Z,2:{},");
    assertThat(ChainHash.of(ChainHash.GENESIS, entry))
        .isEqualTo("c1bbc9a843596332010f171f82a56eff85de254ebe0529874b5ff0805b0afed3");
  }

  @Test
  void lengthsCountUtf8BytesAndThePayloadIsHashedExactlyAsSent() {
    String previous = "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881";
    StoredEntry entry =
        new StoredEntry(
            2,
            UUID.fromString("3F2C1A9E-6B1D-4C2E-9A57-0C8F4F1D2B7A"),
            "booking.created",
            "user-7",
            "booking",
            "b-42",
            Instant.parse("2025-03-01T10:15:30.123456Z"),
            "{\"note\":\"Zoë\", \"seats\":2}",
            Instant.parse("2025-03-01T10:15:31Z"),
            previous,
            "");

    assertThat(ChainHash.canonicalForm(entry))
        .isEqualTo(
            "1:2,36:3f2c1a9e-6b1d-4c2e-9a57-0c8f4f1d2b7a,15:booking.created,6:user-7,7:booking,"
                + "4:b-42,27:2025-03-01T10:15:30.123456Z,27:2025-03-01T10:15:31.000000Z,"
                + "26:{\"note\":\"Zoë\", \"seats\":2},");
    assertThat(ChainHash.of(previous, entry))
        .isEqualTo("37517d7badbd75abc5206e828abe7796f7f5cc06181c665ee5219dbca19577de");
  }

  @Test
  void fieldBoundariesCannotBeShiftedToForgeTheSameForm() {
    StoredEntry one = entry("ab", "c");
    StoredEntry other = entry("a", "bc");

    assertThat(ChainHash.of(ChainHash.GENESIS, one))
        .isNotEqualTo(ChainHash.of(ChainHash.GENESIS, other));
  }

  @Test
  void chainingAnEntryGivesTheHashItsVerifierRecomputes() {
    NewEntry entry =
        new NewEntry(
            UUID.randomUUID(),
            "event.updated",
            "admin",
            "event",
            "e-1",
            Instant.parse("2025-01-01T00:00:00.123456789Z"),
            "{}");

    StoredEntry stored = StoredEntry.chain(entry, 7, TIME, ChainHash.GENESIS);

    assertThat(stored.occurredAt()).isEqualTo(Instant.parse("2025-01-01T00:00:00.123456Z"));
    assertThat(stored.hash()).hasSize(64).isEqualTo(ChainHash.of(ChainHash.GENESIS, stored));
  }

  private static StoredEntry entry(String action, String actorId) {
    return new StoredEntry(
        1,
        UUID.fromString("00000000-0000-0000-0000-000000000001"),
        action,
        actorId,
        "e",
        "1",
        TIME,
        "{}",
        TIME,
        ChainHash.GENESIS,
        "");
  }
}
