package boxoffice.app.data.violations;

import redis.clients.jedis.RedisClient;

/** A deliberate violation: a PostgreSQL adapter that talks to Redis. */
final class DataReachingRedis {
  RedisClient redis;
}
