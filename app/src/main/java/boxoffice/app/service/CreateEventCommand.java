package boxoffice.app.service;

import boxoffice.app.domain.EventDetails;
import boxoffice.app.domain.EventStatus;
import boxoffice.app.domain.ValidationException;

/** A new event; it starts as DRAFT unless PUBLISHED is asked for. */
public record CreateEventCommand(EventDetails details, EventStatus status) {
  public CreateEventCommand {
    if (status != EventStatus.DRAFT && status != EventStatus.PUBLISHED) {
      throw ValidationException.of("status", "a new event is DRAFT or PUBLISHED");
    }
  }
}
