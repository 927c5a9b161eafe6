package boxoffice.app.service;

import java.time.Duration;

/** How long an offer from the waiting list holds its seats (never past the event's start). */
public record WaitlistRules(Duration offerTtl) {}
