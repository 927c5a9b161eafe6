package boxoffice.app.service.violations;

import boxoffice.app.cache.EventCache;
import boxoffice.app.outbox.OutboxRelays;

/** A deliberate violation: a use case that reaches past its ports into two adapters. */
final class ServiceReachingTheAdapters {
  EventCache cache;
  OutboxRelays relays;
}
