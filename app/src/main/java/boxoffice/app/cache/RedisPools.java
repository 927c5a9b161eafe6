package boxoffice.app.cache;

import boxoffice.app.config.AppConfig;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

/** Builds the pooled Redis client: every connect, call and wait for a connection is bounded. */
final class RedisPools {
  private RedisPools() {}

  static RedisClient create(AppConfig.Redis redis) {
    int timeoutMillis = (int) redis.timeout().toMillis();
    GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
    pool.setMaxTotal(redis.poolSize());
    pool.setMaxIdle(redis.poolSize());
    pool.setMaxWait(redis.timeout());
    pool.setJmxEnabled(false);
    var client =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(timeoutMillis)
            .socketTimeoutMillis(timeoutMillis)
            .password(redis.password().isEmpty() ? null : redis.password())
            .clientName("boxoffice")
            .build();
    return RedisClient.builder()
        .hostAndPort(redis.host(), redis.port())
        .clientConfig(client)
        .poolConfig(pool)
        .build();
  }
}
