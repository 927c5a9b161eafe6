package boxoffice.app.config;

import boxoffice.platform.config.ConfigReader;
import boxoffice.platform.config.InvalidConfigException;
import boxoffice.platform.config.LayeredConfig;
import com.typesafe.config.Config;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds {@link AppConfig} from three layers: defaults in {@code app-defaults.conf} < {@code
 * config.yml} (path from {@code CONFIG_FILE}) < environment variables.
 */
public final class AppConfigLoader {
  static final String DEFAULT_CONFIG_FILE = "config.yml";
  private static final int MIN_SECRET_BYTES = 32;

  /** The API's bound of an event's maxTicketsPerUser (EventDetails), for the default. */
  private static final int MAX_TICKETS_PER_USER = 100;

  private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?");

  private final LayeredConfig layers =
      LayeredConfig.withDefaults(AppConfigLoader.class, "app-defaults.conf");

  /** Loads the configuration for the given process environment. */
  public AppConfig load(Map<String, String> env) {
    Config file = layers.fileSettings(env, Path.of(DEFAULT_CONFIG_FILE));
    AppConfig config = read(layers.read(env, file));
    checkProfileRules(config);
    return config;
  }

  /**
   * A comma-separated list of origins ({@code scheme://host[:port]}, as browsers send them in
   * {@code Origin}) or {@code *}. A path or a trailing slash never matches an Origin header, so it
   * is refused here rather than silently never allowing anything.
   */
  private static List<String> origins(ConfigReader in, String key) {
    List<String> origins = new ArrayList<>();
    for (String origin : in.string(key).split(",")) {
      String trimmed = origin.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      if (!trimmed.equals("*") && !ORIGIN.matcher(trimmed).matches()) {
        throw InvalidConfigException.forKey(
            key,
            "expected origins like https://app.example.org (no path) or *, got '" + trimmed + "'");
      }
      origins.add(trimmed);
    }
    return origins;
  }

  private static AppConfig read(ConfigReader in) {
    Duration second = Duration.ofSeconds(1);
    Duration day = Duration.ofDays(1);
    return new AppConfig(
        in.enumValue("app.profile", Profile.class),
        new AppConfig.Http(
            in.intBetween("http.port", 0, 65535),
            in.durationBetween("request-timeout", Duration.ofMillis(100), Duration.ofMinutes(5)),
            in.bytesBetween("max-body-size", 1024, 64L * 1024 * 1024),
            in.bool("http.trust-forwarded-for"),
            in.durationBetween("http.header-timeout", second, Duration.ofMinutes(5)),
            in.durationBetween("http.idle-timeout", second, Duration.ofHours(1)),
            origins(in, "http.cors.allowed-origins")),
        new AppConfig.Database(
            in.nonBlank("db.url"),
            in.nonBlank("db.user"),
            in.secret("db.password"),
            in.intBetween("db.pool-size", 1, 500),
            in.durationBetween(
                "db.connection-timeout", Duration.ofMillis(250), Duration.ofMinutes(1))),
        new AppConfig.Jwt(
            in.nonBlankSecret("jwt.secret"),
            in.nonBlank("jwt.issuer"),
            in.nonBlank("jwt.audience"),
            in.durationBetween("access-token-ttl", Duration.ofMinutes(1), day),
            in.durationBetween("refresh-token-ttl", Duration.ofMinutes(5), Duration.ofDays(365))),
        new AppConfig.Auth(
            in.intBetween("bcrypt.cost", 4, 31),
            in.intBetween("login-throttle.max-failures-per-email", 1, 10_000),
            in.intBetween("login-throttle.max-failures-per-address", 1, 100_000),
            in.durationBetween("login-throttle.window", second, day)),
        new AppConfig.Admin(in.string("admin.email"), in.secret("admin.password")),
        new AppConfig.Cache(
            in.enumValue("cache.type", AppConfig.CacheType.class),
            in.intBetween("cache.max-entries", 1, 10_000_000),
            in.durationBetween("cache.ttl", Duration.ZERO, day)),
        new AppConfig.Redis(
            in.nonBlank("redis.host"),
            in.intBetween("redis.port", 1, 65535),
            in.secret("redis.password"),
            in.durationBetween("redis.timeout", Duration.ofMillis(10), Duration.ofSeconds(10)),
            in.intBetween("redis.pool-size", 1, 1000)),
        new AppConfig.Audit(
            in.string("audit.target"),
            in.secret("audit.token"),
            in.durationBetween("audit.deadline", Duration.ofMillis(100), Duration.ofMinutes(1))),
        new AppConfig.Kafka(
            in.string("kafka.bootstrap-servers"),
            in.nonBlank("kafka.topic"),
            in.durationBetween("kafka.deadline", Duration.ofSeconds(1), Duration.ofMinutes(5))),
        new AppConfig.Outbox(
            in.intBetween("outbox.batch-size", 1, 1000),
            in.durationBetween(
                "outbox.poll-interval", Duration.ofMillis(10), Duration.ofMinutes(1)),
            in.durationBetween("outbox.max-backoff", Duration.ofMillis(100), Duration.ofHours(1))),
        new AppConfig.Tickets(
            in.intBetween("booking.max-tickets-per-user", 1, MAX_TICKETS_PER_USER),
            in.durationBetween("check-in.opens-before", Duration.ZERO, Duration.ofDays(7)),
            timeZone(in, "events.default-time-zone")),
        new AppConfig.Holds(
            in.durationBetween("booking.hold-ttl", Duration.ofSeconds(1), Duration.ofDays(1)),
            in.durationBetween("booking.hold-sweep-interval", Duration.ZERO, Duration.ofHours(1))),
        new AppConfig.Waitlist(
            in.durationBetween("waitlist.offer-ttl", Duration.ofSeconds(1), Duration.ofDays(7)),
            in.durationBetween("waitlist.poll-interval", Duration.ZERO, Duration.ofMinutes(10))),
        new AppConfig.Bookings(in.bool("booking.coalesce")));
  }

  /** An IANA region name, the zone events created without one are shown in. */
  private static String timeZone(ConfigReader in, String key) {
    String zone = in.nonBlank(key);
    if (!ZoneId.getAvailableZoneIds().contains(zone)) {
      throw InvalidConfigException.forKey(
          key, "expected an IANA time zone name such as Europe/Berlin, got '" + zone + "'");
    }
    return zone;
  }

  private void checkProfileRules(AppConfig config) {
    int secretBytes = config.jwt().secret().getBytes(StandardCharsets.UTF_8).length;
    if (secretBytes < MIN_SECRET_BYTES) {
      throw InvalidConfigException.forKey(
          "jwt.secret", "must be at least " + MIN_SECRET_BYTES + " bytes, got " + secretBytes);
    }
    if (config.cache().type() == AppConfig.CacheType.REDIS && config.cache().ttl().isZero()) {
      throw InvalidConfigException.forKey(
          "cache.ttl", "must be above 0s with the redis cache, so Redis can evict old entries");
    }
    if (config.profile() != Profile.PROD) {
      return;
    }
    if (layers.isDefault("jwt.secret", config.jwt().secret())) {
      throw InvalidConfigException.forKey(
          "jwt.secret", "the development default is refused in the prod profile; set a secret");
    }
    if (config.admin().password().isBlank()
        || layers.isDefault("admin.password", config.admin().password())) {
      throw InvalidConfigException.forKey(
          "admin.password", "the prod profile needs an administrator password of your own");
    }
  }
}
