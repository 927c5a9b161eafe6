package boxoffice.app.cache;

import boxoffice.app.config.AppConfig;
import boxoffice.app.data.BackgroundDatabase;
import boxoffice.app.service.BookingRepository;
import boxoffice.app.service.EventRepository;
import boxoffice.app.service.HoldRepository;
import boxoffice.app.service.ReviewRepository;
import boxoffice.app.service.TicketRepository;
import boxoffice.app.service.WaitlistRepository;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.util.concurrent.Executors;

/**
 * The event cache: the implementation chosen by {@code cache.type}, and the cache-aside decorators
 * that the services see as their repositories (over the PostgreSQL ones of the data module).
 */
public final class CacheModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(EventRepository.class).to(CachingEventRepository.class).in(Singleton.class);
    bind(BookingRepository.class).to(CachingBookingRepository.class).in(Singleton.class);
    bind(ReviewRepository.class).to(CachingReviewRepository.class).in(Singleton.class);
    bind(TicketRepository.class).to(CachingTicketRepository.class).in(Singleton.class);
    bind(HoldRepository.class).to(CachingHoldRepository.class).in(Singleton.class);
    bind(WaitlistRepository.class).to(CachingWaitlistRepository.class).in(Singleton.class);
  }

  /** Kept whatever {@code cache.type} says: bookings stay correct with a stale entry. */
  @Provides
  @Singleton
  RecentEvents recentEvents(AppConfig config, Clock clock) {
    return new RecentEvents(config.cache().maxEntries(), clock);
  }

  /** The event cache chosen by {@code cache.type}; Redis is only contacted when chosen. */
  @Provides
  @Singleton
  EventCache eventCache(
      AppConfig config, Clock clock, BackgroundDatabase background, OpenTelemetry openTelemetry) {
    AppConfig.Cache cache = config.cache();
    return switch (cache.type()) {
      case NONE -> new NoEventCache();
      case MEMORY -> new MemoryEventCache(new LruCache<>(cache.maxEntries(), cache.ttl(), clock));
      case REDIS ->
          new RedisEventCache(
              RedisPools.create(config.redis()),
              config.redis().timeout(),
              cache.ttl(),
              config.http().requestTimeout().plusSeconds(1),
              Executors.newSingleThreadScheduledExecutor(
                  Thread.ofPlatform().daemon().name("redis-reconnect").factory()),
              background.onDemand(InvalidationFeed.class),
              openTelemetry);
    };
  }
}
