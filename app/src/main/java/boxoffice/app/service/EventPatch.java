package boxoffice.app.service;

import boxoffice.app.domain.Event;
import boxoffice.app.domain.EventDetails;
import boxoffice.app.service.OutboxMessage.EventField;
import boxoffice.app.service.OutboxMessage.FieldChange;
import java.time.Instant;
import java.util.EnumMap;
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
    Optional<Integer> capacity,
    Optional<Integer> maxTicketsPerUser,
    Optional<String> timeZone) {

  /** The event's details with this patch applied, validated as a whole. */
  public EventDetails applyTo(Event event) {
    return new EventDetails(
        title.orElse(event.title()),
        description.orElse(event.description()),
        venue.orElse(event.venue()),
        startsAt.orElse(event.startsAt()),
        endsAt.orElse(event.endsAt()),
        capacity.orElse(event.capacity()),
        maxTicketsPerUser.orElse(event.maxTicketsPerUser()),
        timeZone.orElse(event.timeZone()));
  }

  /** Old and new value of each field the update really changed, for the outbox. */
  public static Map<EventField, FieldChange> changes(EventDetails before, EventDetails after) {
    Map<EventField, FieldChange> changes = new EnumMap<>(EventField.class);
    compare(changes, EventField.TITLE, before.title(), after.title());
    compare(changes, EventField.DESCRIPTION, before.description(), after.description());
    compare(changes, EventField.VENUE, before.venue(), after.venue());
    compare(changes, EventField.STARTS_AT, before.startsAt(), after.startsAt());
    compare(changes, EventField.ENDS_AT, before.endsAt(), after.endsAt());
    compare(changes, EventField.CAPACITY, before.capacity(), after.capacity());
    compare(
        changes,
        EventField.MAX_TICKETS_PER_USER,
        before.maxTicketsPerUser(),
        after.maxTicketsPerUser());
    compare(changes, EventField.TIME_ZONE, before.timeZone(), after.timeZone());
    return changes;
  }

  private static void compare(
      Map<EventField, FieldChange> changes, EventField field, Object old, Object now) {
    if (!Objects.equals(old, now)) {
      changes.put(field, new FieldChange(String.valueOf(old), String.valueOf(now)));
    }
  }
}
