package boxoffice.audit.log;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which entries to read, checked on construction. Empty text filters match everything; {@code from}
 * is inclusive and {@code to} exclusive on {@code occurred_at}; results come oldest first (by
 * sequence), at most {@code pageSize} of them, after {@code afterSequence}.
 */
public record EntryQuery(
    String actorId,
    String action,
    String entityType,
    String entityId,
    Optional<Instant> from,
    Optional<Instant> to,
    int pageSize,
    long afterSequence) {
  public static final int DEFAULT_PAGE_SIZE = 100;
  public static final int MAX_PAGE_SIZE = 1000;

  /** A page size of 0 means {@link #DEFAULT_PAGE_SIZE}. */
  public EntryQuery {
    Objects.requireNonNull(actorId, "actorId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(entityType, "entityType");
    Objects.requireNonNull(entityId, "entityId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (pageSize == 0) {
      pageSize = DEFAULT_PAGE_SIZE;
    }
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new InvalidRequestException(
          "page_size must be between 1 and " + MAX_PAGE_SIZE + " (0 for 100), got " + pageSize);
    }
    if (afterSequence < 0) {
      throw new InvalidRequestException(
          "after_sequence must not be negative, got " + afterSequence);
    }
    if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
      throw new InvalidRequestException(
          "from ("
              + ChainHash.time(from.get())
              + ") must not be after to ("
              + ChainHash.time(to.get())
              + ")");
    }
  }
}
