package boxoffice.app.service;

import boxoffice.app.domain.Event;
import boxoffice.app.domain.EventDetails;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A partial update: absent fields keep their value. */
public record EventPatch(
    Optional<String> title,
    Optional<String> description,
    Optional<String> venue,
    Optional<Instant> startsAt,
    Optional<Instant> endsAt,
    Optional<Integer> capacity) {

  /** The event's details with this patch applied, validated as a whole. */
  public EventDetails applyTo(Event event) {
    return new EventDetails(
        title.orElse(event.title()),
        description.orElse(event.description()),
        venue.orElse(event.venue()),
        startsAt.orElse(event.startsAt()),
        endsAt.orElse(event.endsAt()),
        capacity.orElse(event.capacity()));
  }

  /** Old and new value of each field the update really changed, for the outbox. */
  public static Map<String, Object> changes(EventDetails before, EventDetails after) {
    Map<String, Object> changes = new LinkedHashMap<>();
    compare(changes, "title", before.title(), after.title());
    compare(changes, "description", before.description(), after.description());
    compare(changes, "venue", before.venue(), after.venue());
    compare(changes, "startsAt", before.startsAt(), after.startsAt());
    compare(changes, "endsAt", before.endsAt(), after.endsAt());
    compare(changes, "capacity", before.capacity(), after.capacity());
    return changes;
  }

  private static void compare(Map<String, Object> changes, String field, Object old, Object now) {
    if (!Objects.equals(old, now)) {
      changes.put(field, Map.of("old", String.valueOf(old), "new", String.valueOf(now)));
    }
  }
}
