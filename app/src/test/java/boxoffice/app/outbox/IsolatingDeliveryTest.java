package boxoffice.app.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IsolatingDeliveryTest {

  /**
   * Takes whole batches, all or none, as the audit service does; refuses batches with a bad row.
   */
  private static final class AllOrNothingDestination implements OutboxPublisher {
    private final Set<UUID> bad;
    private final List<OutboxRow> taken = new ArrayList<>();
    private int calls;
    private boolean down;

    AllOrNothingDestination(Set<UUID> bad) {
      this.bad = bad;
    }

    @Override
    public OutboxDestination destination() {
      return OutboxDestination.AUDIT;
    }

    @Override
    public void publish(List<OutboxRow> rows) {
      calls++;
      if (down) {
        throw new IllegalStateException("audit service: UNAVAILABLE");
      }
      rows.stream()
          .filter(row -> bad.contains(row.id()))
          .findFirst()
          .ifPresent(
              row -> {
                throw new RowsRefusedException("entry " + row.id() + " is too large", null);
              });
      taken.addAll(rows);
    }
  }

  @Test
  void aRefusedRowIsSingledOutAndEveryOtherRowIsTakenInOrder() {
    List<OutboxRow> rows = rows(100);
    UUID bad = rows.get(37).id();
    AllOrNothingDestination destination = new AllOrNothingDestination(Set.of(bad));

    IsolatingDelivery.Outcome outcome = new IsolatingDelivery(destination).deliver(rows);

    List<OutboxRow> others = rows.stream().filter(row -> !row.id().equals(bad)).toList();
    assertThat(outcome.delivered()).containsExactlyElementsOf(others);
    assertThat(destination.taken).containsExactlyElementsOf(others);
    assertThat(outcome.refused())
        .singleElement()
        .satisfies(
            refused -> {
              assertThat(refused.row().id()).isEqualTo(bad);
              assertThat(refused.reason()).isEqualTo("entry " + bad + " is too large");
            });
    // Halving: about 2·log2(100) calls, not one per row.
    assertThat(destination.calls).isLessThanOrEqualTo(15);
  }

  @Test
  void severalRefusedRowsAreEachSingledOut() {
    List<OutboxRow> rows = rows(20);
    Set<UUID> bad = Set.of(rows.get(0).id(), rows.get(1).id(), rows.get(19).id());

    IsolatingDelivery.Outcome outcome =
        new IsolatingDelivery(new AllOrNothingDestination(bad)).deliver(rows);

    assertThat(outcome.refused())
        .extracting(refused -> refused.row().id())
        .containsExactly(rows.get(0).id(), rows.get(1).id(), rows.get(19).id());
    assertThat(outcome.delivered()).hasSize(17);
  }

  @Test
  void aBatchTakenWholeCostsOneCall() {
    AllOrNothingDestination destination = new AllOrNothingDestination(Set.of());

    IsolatingDelivery.Outcome outcome = new IsolatingDelivery(destination).deliver(rows(50));

    assertThat(outcome.delivered()).hasSize(50);
    assertThat(outcome.refused()).isEmpty();
    assertThat(destination.calls).isEqualTo(1);
  }

  @Test
  void aTransientFailureParksNothingAndPropagatesForARetry() {
    AllOrNothingDestination destination = new AllOrNothingDestination(Set.of());
    destination.down = true;

    assertThatThrownBy(() -> new IsolatingDelivery(destination).deliver(rows(10)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("UNAVAILABLE");
    assertThat(destination.calls).isEqualTo(1);
  }

  private static List<OutboxRow> rows(int count) {
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                new OutboxRow(
                    UUID.randomUUID(),
                    "booking.created",
                    "booking",
                    UUID.randomUUID(),
                    Optional.empty(),
                    "{}",
                    start.plusSeconds(i),
                    Optional.empty()))
        .toList();
  }
}
