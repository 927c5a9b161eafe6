package boxoffice.app.testing;

import java.util.Map;

/** Where the tests' Redis is: TEST_REDIS_HOST / TEST_REDIS_PORT, default the local server. */
public final class TestRedis {
  private TestRedis() {}

  public static String host() {
    return System.getenv().getOrDefault("TEST_REDIS_HOST", "127.0.0.1");
  }

  public static int port() {
    return Integer.parseInt(System.getenv().getOrDefault("TEST_REDIS_PORT", "6379"));
  }

  public static Map<String, String> settings() {
    return Map.of(
        "CACHE_TYPE", "redis", "REDIS_HOST", host(), "REDIS_PORT", String.valueOf(port()));
  }
}
