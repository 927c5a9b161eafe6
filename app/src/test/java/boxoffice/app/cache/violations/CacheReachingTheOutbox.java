package boxoffice.app.cache.violations;

import boxoffice.app.outbox.OutboxRelays;

/** A deliberate violation: the cache using the outbox's relays. */
final class CacheReachingTheOutbox {
  OutboxRelays relays;
}
