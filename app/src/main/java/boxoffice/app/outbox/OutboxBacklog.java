package boxoffice.app.outbox;

import java.time.Instant;
import java.util.Optional;

/** How many outbox rows wait for one destination, and since when the oldest has waited. */
public record OutboxBacklog(long waiting, Optional<Instant> oldest) {}
