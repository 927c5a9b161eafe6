package boxoffice.app.outbox.violations;

import boxoffice.app.cache.EventCache;

/** A deliberate violation: the outbox using the event cache. */
final class OutboxReachingTheCache {
  EventCache cache;
}
