package boxoffice.audit.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.audit.v1.AuditEntry;
import boxoffice.audit.v1.QueryRequest;
import boxoffice.audit.v1.RecordBatchRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each test works with its own actor, so the tests share one database without interfering. */
class QueryIT {
  private static final Instant T0 = Instant.parse("2025-04-01T00:00:00Z");

  @RegisterExtension static final RunningAuditServer audit = new RunningAuditServer();

  @Test
  void filteringByActorReturnsOnlyThatActorsEntries() {
    String alice = actor();
    String bob = actor();
    record(
        Entries.entry("booking.created", alice, "booking", "b-1"),
        Entries.entry("booking.created", bob, "booking", "b-2"),
        Entries.entry("booking.paid", alice, "booking", "b-1"));

    List<AuditEntry> entries = query(QueryRequest.newBuilder().setActorId(alice));

    assertThat(entries).extracting(AuditEntry::getActorId).containsExactly(alice, alice);
    assertThat(entries)
        .extracting(AuditEntry::getAction)
        .containsExactly("booking.created", "booking.paid");
  }

  @Test
  void filteringByActionNarrowsTheActorsEntries() {
    String actor = actor();
    record(
        Entries.entry("booking.created", actor, "booking", "b-1"),
        Entries.entry("booking.cancelled", actor, "booking", "b-1"),
        Entries.entry("booking.created", actor, "booking", "b-2"));

    List<AuditEntry> entries =
        query(QueryRequest.newBuilder().setActorId(actor).setAction("booking.created"));

    assertThat(entries).extracting(AuditEntry::getEntityId).containsExactly("b-1", "b-2");
  }

  @Test
  void filteringByEntityMatchesTypeAndIdTogether() {
    String actor = actor();
    String id = UUID.randomUUID().toString();
    record(
        Entries.entry("booking.created", actor, "booking", id),
        Entries.entry("event.updated", actor, "event", id),
        Entries.entry("booking.created", actor, "booking", "other"));

    List<AuditEntry> byTypeAndId =
        query(QueryRequest.newBuilder().setEntityType("booking").setEntityId(id));
    List<AuditEntry> byType =
        query(QueryRequest.newBuilder().setActorId(actor).setEntityType("booking"));

    assertThat(byTypeAndId).extracting(AuditEntry::getAction).containsExactly("booking.created");
    assertThat(byType).extracting(AuditEntry::getEntityId).containsExactly(id, "other");
  }

  @Test
  void aTimeRangeIncludesItsStartAndExcludesItsEnd() {
    String actor = actor();
    record(
        at(actor, "t0", T0),
        at(actor, "t1", T0.plusSeconds(60)),
        at(actor, "t2", T0.plusSeconds(120)),
        at(actor, "t3", T0.plusSeconds(180)));

    List<AuditEntry> entries =
        query(
            QueryRequest.newBuilder()
                .setActorId(actor)
                .setFrom(Entries.timestamp(T0.plusSeconds(60)))
                .setTo(Entries.timestamp(T0.plusSeconds(180))));
    List<AuditEntry> fromOnly =
        query(
            QueryRequest.newBuilder()
                .setActorId(actor)
                .setFrom(Entries.timestamp(T0.plusSeconds(120))));
    List<AuditEntry> toOnly =
        query(QueryRequest.newBuilder().setActorId(actor).setTo(Entries.timestamp(T0)));

    assertThat(entries).extracting(AuditEntry::getEntityId).containsExactly("t1", "t2");
    assertThat(fromOnly).extracting(AuditEntry::getEntityId).containsExactly("t2", "t3");
    assertThat(toOnly).isEmpty();
  }

  @Test
  void entriesComeOldestFirstBySequenceWhateverTheyOccurredAt() {
    String actor = actor();
    record(
        at(actor, "late", T0.plusSeconds(3600)),
        at(actor, "early", T0),
        at(actor, "middle", T0.plusSeconds(60)));

    List<AuditEntry> entries = query(QueryRequest.newBuilder().setActorId(actor));

    assertThat(entries)
        .extracting(AuditEntry::getEntityId)
        .containsExactly("late", "early", "middle");
    assertThat(entries).extracting(AuditEntry::getSequence).isSorted();
  }

  @Test
  void pagesFollowOneAnotherThroughAfterSequence() {
    String actor = actor();
    AuditEntry[] sent = new AuditEntry[7];
    for (int i = 0; i < sent.length; i++) {
      sent[i] = Entries.entry("seat.held", actor, "seat", "s-" + i);
    }
    record(sent);

    List<AuditEntry> first = query(QueryRequest.newBuilder().setActorId(actor).setPageSize(3));
    List<AuditEntry> second = query(next(actor, first));
    List<AuditEntry> third = query(next(actor, second));
    List<AuditEntry> past = query(next(actor, third));

    assertThat(first).extracting(AuditEntry::getEntityId).containsExactly("s-0", "s-1", "s-2");
    assertThat(second).extracting(AuditEntry::getEntityId).containsExactly("s-3", "s-4", "s-5");
    assertThat(third).extracting(AuditEntry::getEntityId).containsExactly("s-6");
    assertThat(past).isEmpty();
  }

  @Test
  void aPageSizeOfZeroMeansOneHundred() {
    String actor = actor();
    AuditEntry[] sent = new AuditEntry[101];
    for (int i = 0; i < sent.length; i++) {
      sent[i] = Entries.entry("seat.held", actor, "seat", "s-" + i);
    }
    record(sent);

    assertThat(query(QueryRequest.newBuilder().setActorId(actor))).hasSize(100);
    assertThat(query(QueryRequest.newBuilder().setActorId(actor).setPageSize(1000))).hasSize(101);
  }

  @Test
  void withoutFiltersEveryEntryMatches() {
    record(Entries.entry());
    long stored = AuditDatabase.count(audit.database(), "true");

    List<AuditEntry> entries = query(QueryRequest.newBuilder().setPageSize(1000));

    assertThat(entries).hasSize((int) stored);
  }

  private static String actor() {
    return "user-" + UUID.randomUUID();
  }

  private static AuditEntry at(String actor, String entityId, Instant occurredAt) {
    return Entries.entry("booking.created", actor, "booking", entityId).toBuilder()
        .setOccurredAt(Entries.timestamp(occurredAt))
        .build();
  }

  private static QueryRequest.Builder next(String actor, List<AuditEntry> page) {
    long last = page.isEmpty() ? Long.MAX_VALUE : page.getLast().getSequence();
    return QueryRequest.newBuilder().setActorId(actor).setPageSize(3).setAfterSequence(last);
  }

  private static void record(AuditEntry... entries) {
    audit
        .audit()
        .recordBatch(RecordBatchRequest.newBuilder().addAllEntries(List.of(entries)).build());
  }

  private static List<AuditEntry> query(QueryRequest.Builder request) {
    return Entries.all(audit.audit().query(request.build()));
  }
}
