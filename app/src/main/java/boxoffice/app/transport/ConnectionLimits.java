package boxoffice.app.transport;

import java.time.Duration;

/**
 * Bounds on slow clients: request line and headers must arrive within {@code headerTimeout}; a
 * connection silent for {@code idleTimeout} is closed.
 */
record ConnectionLimits(Duration headerTimeout, Duration idleTimeout) {}
