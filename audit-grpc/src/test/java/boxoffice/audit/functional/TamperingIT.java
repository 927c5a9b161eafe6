package boxoffice.audit.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import boxoffice.audit.log.ChainHash;
import boxoffice.audit.log.StoredEntry;
import boxoffice.audit.v1.RecordBatchRequest;
import boxoffice.audit.v1.RecordRequest;
import boxoffice.audit.v1.VerifyChainRequest;
import boxoffice.audit.v1.VerifyChainResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Edits the audit database behind the server's back, as someone with database access could, and
 * checks that VerifyChain names the first entry that no longer fits. Every test gets a fresh
 * database holding the entries 1 to 6.
 */
class TamperingIT {
  private TestAuditServer audit;

  @BeforeEach
  void startWithSixEntries() {
    audit = TestAuditServer.start();
    RecordBatchRequest.Builder batch = RecordBatchRequest.newBuilder();
    for (int i = 1; i <= 6; i++) {
      batch.addEntries(Entries.entry("booking.created", "user-" + i, "booking", "b-" + i));
    }
    audit.audit().recordBatch(batch.build());
  }

  @AfterEach
  void stop() {
    audit.close();
  }

  @Test
  void anUntouchedLogIsValid() {
    assertThat(verify())
        .isEqualTo(VerifyChainResponse.newBuilder().setValid(true).setEntriesChecked(6).build());
  }

  @Test
  void anEditedPayloadIsReportedAtThatEntry() {
    tamper("UPDATE audit_entries SET payload = '{\"seats\":200}' WHERE sequence = 4");

    VerifyChainResponse report = verify();

    assertThat(report.getValid()).isFalse();
    assertThat(report.getFirstBadSequence()).isEqualTo(4);
    assertThat(report.getProblem()).isEqualTo("hash mismatch (entry altered)");
    assertThat(report.getEntriesChecked()).isEqualTo(4);
  }

  @Test
  void anEditedActorIsReportedAtThatEntry() {
    tamper("UPDATE audit_entries SET actor_id = 'someone-else' WHERE sequence = 2");

    VerifyChainResponse report = verify();

    assertThat(report.getValid()).isFalse();
    assertThat(report.getFirstBadSequence()).isEqualTo(2);
    assertThat(report.getProblem()).isEqualTo("hash mismatch (entry altered)");
  }

  @Test
  void anEditedEntryWithARecomputedHashIsCaughtAtTheEntryAfterIt() {
    tamper("UPDATE audit_entries SET actor_id = 'someone-else' WHERE sequence = 3");
    String forged = recomputedHashOf(3);
    tamper("UPDATE audit_entries SET hash = '" + forged + "' WHERE sequence = 3");

    VerifyChainResponse report = verify();

    assertThat(report.getValid()).isFalse();
    assertThat(report.getFirstBadSequence()).isEqualTo(4);
    assertThat(report.getProblem()).startsWith("previous hash mismatch");
  }

  @Test
  void aDeletedEntryIsReportedAsASequenceGap() {
    tamper("DELETE FROM audit_entries WHERE sequence = 3");

    VerifyChainResponse report = verify();

    assertThat(report.getValid()).isFalse();
    assertThat(report.getFirstBadSequence()).isEqualTo(3);
    assertThat(report.getProblem()).isEqualTo("sequence gap (missing 3)");
  }

  @Test
  void deletedEntriesAtTheEndAreReportedAsWell() {
    tamper("DELETE FROM audit_entries WHERE sequence >= 5");

    VerifyChainResponse report = verify();

    assertThat(report.getValid()).isFalse();
    assertThat(report.getFirstBadSequence()).isEqualTo(5);
    assertThat(report.getProblem()).isEqualTo("sequence gap (missing 5 to 6) at the end");
  }

  @Test
  void twoSwappedEntriesAreReportedAtTheFirstOfThem() {
    // Move the contents of 2 and 5 into each other's place; the primary key forces a detour.
    tamper(
        "UPDATE audit_entries SET sequence = 1000 WHERE sequence = 2",
        "UPDATE audit_entries SET sequence = 2 WHERE sequence = 5",
        "UPDATE audit_entries SET sequence = 5 WHERE sequence = 1000");

    VerifyChainResponse report = verify();

    assertThat(report.getValid()).isFalse();
    assertThat(report.getFirstBadSequence()).isEqualTo(2);
    assertThat(report.getProblem()).startsWith("previous hash mismatch");
  }

  @Test
  void aBreakStaysVisibleAfterLaterAppends() {
    tamper("DELETE FROM audit_entries WHERE sequence = 6");
    long next =
        audit
            .audit()
            .record(RecordRequest.newBuilder().setEntry(Entries.entry()).build())
            .getSequence();

    VerifyChainResponse report = verify();

    assertThat(next).isEqualTo(7);
    assertThat(report.getFirstBadSequence()).isEqualTo(6);
    assertThat(report.getProblem()).isEqualTo("sequence gap (missing 6)");
  }

  @Test
  void theDatabaseItselfRefusesToChangeOrRemoveEntries() throws SQLException {
    try (Connection connection = audit.database().connect();
        Statement statement = connection.createStatement()) {
      assertThatExceptionOfType(SQLException.class)
          .isThrownBy(() -> statement.execute("UPDATE audit_entries SET action = 'x'"))
          .withMessageContaining("append-only");
      assertThatExceptionOfType(SQLException.class)
          .isThrownBy(() -> statement.execute("DELETE FROM audit_entries WHERE sequence = 1"))
          .withMessageContaining("append-only");
      assertThatExceptionOfType(SQLException.class)
          .isThrownBy(() -> statement.execute("TRUNCATE audit_entries"))
          .withMessageContaining("append-only");
    }
    assertThat(verify().getValid()).isTrue();
  }

  private VerifyChainResponse verify() {
    return audit.audit().verifyChain(VerifyChainRequest.getDefaultInstance());
  }

  private void tamper(String... statements) {
    AuditDatabase.tamper(audit.database(), statements);
  }

  /** What a forger who knows the algorithm would write as the hash of the edited entry. */
  private String recomputedHashOf(long sequence) {
    StoredEntry entry = AuditDatabase.entryAt(audit.database(), sequence);
    return ChainHash.of(entry.previousHash(), entry);
  }
}
