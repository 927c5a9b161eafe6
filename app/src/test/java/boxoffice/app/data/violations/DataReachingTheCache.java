package boxoffice.app.data.violations;

import boxoffice.app.cache.EventCache;

/** A deliberate violation: a PostgreSQL adapter that uses the event cache. */
final class DataReachingTheCache {
  EventCache cache;
}
