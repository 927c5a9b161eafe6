package boxoffice.app.service;

import java.time.Duration;

/** How long a hold keeps its seats (never past the event's start). */
public record HoldRules(Duration ttl) {}
