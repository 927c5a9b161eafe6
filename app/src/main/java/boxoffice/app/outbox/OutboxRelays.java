package boxoffice.app.outbox;

import java.util.List;
import java.util.Optional;

/** The running outbox relays, one per configured destination. */
public final class OutboxRelays implements AutoCloseable {
  private final List<OutboxRelay> relays;

  OutboxRelays(List<OutboxRelay> relays) {
    this.relays = List.copyOf(relays);
  }

  public OutboxRelays start() {
    relays.forEach(OutboxRelay::start);
    return this;
  }

  public List<OutboxRelay> all() {
    return relays;
  }

  /** The relay to the audit service, when one is configured. */
  public Optional<OutboxRelay> audit() {
    return relays.stream().filter(r -> r.destination() == OutboxDestination.AUDIT).findFirst();
  }

  @Override
  public void close() {
    relays.forEach(OutboxRelay::close);
  }
}
