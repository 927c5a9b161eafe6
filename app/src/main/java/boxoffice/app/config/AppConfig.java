package boxoffice.app.config;

import boxoffice.platform.config.Redacted;
import java.time.Duration;
import java.util.List;

/** The whole validated configuration of the booking service. */
public record AppConfig(
    Profile profile,
    Http http,
    Database db,
    Jwt jwt,
    Auth auth,
    Admin admin,
    Cache cache,
    Redis redis,
    Audit audit,
    Kafka kafka,
    Outbox outbox,
    Tickets tickets,
    Holds holds,
    Waitlist waitlist,
    Bookings bookings) {

  /**
   * Bookings: whether concurrent bookings are seated together, one transaction per batch instead of
   * one per booking.
   */
  public record Bookings(boolean coalesce) {}

  /**
   * Waiting lists: how long an offer holds its seats, and how often the offer worker runs ({@link
   * Duration#ZERO}: never).
   */
  public record Waitlist(Duration offerTtl, Duration pollInterval) {}

  /**
   * Holds: how long one keeps its seats, and how often the sweeper tidies lapsed ones up ({@link
   * Duration#ZERO}: never; seats are free at the deadline without it).
   */
  public record Holds(Duration ttl, Duration sweepInterval) {}

  /**
   * Ticket rules: the per-user limit of an event created without one, and how long before the start
   * the doors (check-in) open (they close when the event ends), and the time zone of events created
   * without one.
   */
  public record Tickets(
      int maxTicketsPerUser, Duration checkInOpensBefore, String defaultTimeZone) {}

  /** How every outbox relay batches, polls and backs off. */
  public record Outbox(int batchSize, Duration pollInterval, Duration maxBackoff) {}

  /** Notification messages go to {@code topic}; disabled when no brokers are configured. */
  public record Kafka(String bootstrapServers, String topic, Duration deadline) {
    public boolean enabled() {
      return !bootstrapServers.isEmpty();
    }
  }

  /** The outbox relay to the audit service; disabled when {@code target} is empty. */
  public record Audit(String target, String token, Duration deadline) {
    public boolean enabled() {
      return !target.isEmpty();
    }

    @Override
    public String toString() {
      return Redacted.toString(this, "token");
    }
  }

  /** Where event reads are cached. */
  public enum CacheType {
    NONE,
    MEMORY,
    REDIS
  }

  /** The event cache: its kind, the LRU bound and the entry lifetime (zero: no expiry). */
  public record Cache(CacheType type, int maxEntries, Duration ttl) {}

  /** Redis connection settings; every call is bounded by {@code timeout}. */
  public record Redis(String host, int port, String password, Duration timeout, int poolSize) {
    @Override
    public String toString() {
      return Redacted.toString(this, "password");
    }
  }

  /**
   * HTTP server settings. {@code headerTimeout} bounds how long a client may take to send a
   * request's line and headers; {@code idleTimeout} how long a connection may stay silent. {@code
   * corsAllowedOrigins} are the browser origins that may call the API from their pages ({@code *}
   * for any); empty turns CORS off.
   */
  public record Http(
      int port,
      Duration requestTimeout,
      long maxBodySize,
      boolean trustForwardedFor,
      Duration headerTimeout,
      Duration idleTimeout,
      List<String> corsAllowedOrigins) {
    public Http {
      corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
    }
  }

  /** PostgreSQL connection pool settings. */
  public record Database(
      String url, String user, String password, int poolSize, Duration connectionTimeout) {
    @Override
    public String toString() {
      return Redacted.toString(this, "password");
    }
  }

  /** Token signing and lifetimes. */
  public record Jwt(
      String secret,
      String issuer,
      String audience,
      Duration accessTokenTtl,
      Duration refreshTokenTtl) {
    @Override
    public String toString() {
      return Redacted.toString(this, "secret");
    }
  }

  /** Password hashing and login throttling. */
  public record Auth(
      int bcryptCost,
      int maxFailuresPerEmail,
      int maxFailuresPerAddress,
      Duration throttleWindow) {}

  /** The administrator account ensured at start-up. */
  public record Admin(String email, String password) {
    @Override
    public String toString() {
      return Redacted.toString(this, "password");
    }
  }
}
