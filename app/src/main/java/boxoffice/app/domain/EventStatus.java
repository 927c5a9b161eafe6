package boxoffice.app.domain;

import java.util.Map;
import java.util.Set;

/**
 * Lifecycle of an event: {@code DRAFT → PUBLISHED → (CANCELLED | COMPLETED)}, and back from
 * PUBLISHED to DRAFT while nobody holds a ticket. CANCELLED and COMPLETED are final.
 */
public enum EventStatus {
  DRAFT,
  PUBLISHED,
  CANCELLED,
  COMPLETED;

  private static final Map<EventStatus, Set<EventStatus>> MOVES =
      Map.of(
          DRAFT, Set.of(PUBLISHED),
          PUBLISHED, Set.of(DRAFT, CANCELLED, COMPLETED),
          CANCELLED, Set.of(),
          COMPLETED, Set.of());

  public boolean canMoveTo(EventStatus target) {
    return MOVES.get(this).contains(target);
  }

  public boolean isFinal() {
    return MOVES.get(this).isEmpty();
  }

  /** Only published events are shown to everyone; drafts are for administrators. */
  public boolean isPublic() {
    return this != DRAFT;
  }
}
