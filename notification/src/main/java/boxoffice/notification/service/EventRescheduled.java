package boxoffice.notification.service;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An event's time or venue changed: every holder of a confirmed booking is told. */
public record EventRescheduled(
    UUID messageId, Instant occurredAt, UUID eventId, String eventTitle, EventChanges changes)
    implements Notification {
  public static final String TYPE = "event.rescheduled";

  public EventRescheduled {
    Objects.requireNonNull(messageId);
    Objects.requireNonNull(eventId);
    Objects.requireNonNull(eventTitle);
    Objects.requireNonNull(changes);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
