package boxoffice.app.service;

import boxoffice.app.domain.Event;
import boxoffice.app.domain.RatingSummary;

/** An event with its rating, as the detail page shows it. */
public record EventView(Event event, RatingSummary rating) {}
