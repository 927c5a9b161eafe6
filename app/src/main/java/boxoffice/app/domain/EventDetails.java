package boxoffice.app.domain;

import java.time.Instant;
import java.time.ZoneId;

/**
 * The editable fields of an event, validated together: title 1..200 characters, description at most
 * 5000, venue 1..200, capacity 1..1,000,000, an end after the start and, when given, a limit of
 * 1..100 tickets per user and an IANA time zone (absent: the configured defaults apply).
 */
public record EventDetails(
    String title,
    String description,
    String venue,
    Instant startsAt,
    Instant endsAt,
    Integer capacity,
    Integer maxTicketsPerUser,
    String timeZone) {
  public static final int MAX_TITLE = 200;
  public static final int MAX_DESCRIPTION = 5000;
  public static final int MAX_VENUE = 200;
  public static final int MAX_CAPACITY = 1_000_000;
  public static final int MAX_TICKETS_PER_USER = 100;
  private static final int MAX_TIME_ZONE = 64;
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  public EventDetails {
    title = title == null ? null : title.strip();
    venue = venue == null ? null : venue.strip();
    description = description == null ? "" : description;
    Violations violations = new Violations();
    if (violations.require(title, "title")) {
      violations.check(
          !title.isEmpty() && characters(title) <= MAX_TITLE,
          "title",
          "must be 1 to " + MAX_TITLE + " characters");
    }
    violations.check(
        characters(description) <= MAX_DESCRIPTION,
        "description",
        "must be at most " + MAX_DESCRIPTION + " characters");
    if (violations.require(venue, "venue")) {
      violations.check(
          !venue.isEmpty() && characters(venue) <= MAX_VENUE,
          "venue",
          "must be 1 to " + MAX_VENUE + " characters");
    }
    boolean hasStart =
        violations.require(startsAt, "startsAt")
            && violations.check(isStorable(startsAt), "startsAt", "must be in the years 1 to 9999");
    boolean hasEnd =
        violations.require(endsAt, "endsAt")
            && violations.check(isStorable(endsAt), "endsAt", "must be in the years 1 to 9999");
    if (hasStart && hasEnd) {
      violations.check(endsAt.isAfter(startsAt), "endsAt", "must be after startsAt");
    }
    if (violations.require(capacity, "capacity")) {
      violations.check(
          capacity >= 1 && capacity <= MAX_CAPACITY,
          "capacity",
          "must be between 1 and " + MAX_CAPACITY);
    }
    if (maxTicketsPerUser != null) {
      violations.check(
          maxTicketsPerUser >= 1 && maxTicketsPerUser <= MAX_TICKETS_PER_USER,
          "maxTicketsPerUser",
          "must be between 1 and " + MAX_TICKETS_PER_USER);
    }
    if (timeZone != null) {
      violations.check(
          isTimeZone(timeZone), "timeZone", "must be an IANA time zone name such as Europe/Berlin");
    }
    violations.throwIfAny();
  }

  /** These details with the configured defaults where a limit or a time zone was not given. */
  public EventDetails withDefaults(int ticketLimit, String defaultTimeZone) {
    return new EventDetails(
        title,
        description,
        venue,
        startsAt,
        endsAt,
        capacity,
        maxTicketsPerUser != null ? maxTicketsPerUser : ticketLimit,
        timeZone != null ? timeZone : defaultTimeZone);
  }

  /** A region name of the IANA time zone database ("Europe/Berlin", "UTC"), not an offset. */
  public static boolean isTimeZone(String name) {
    return name.length() <= MAX_TIME_ZONE && ZoneId.getAvailableZoneIds().contains(name);
  }

  /** Whether PostgreSQL's timestamptz (and the API's RFC 3339) can hold the instant. */
  public static boolean isStorable(Instant instant) {
    return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
  }

  /** Characters as users and PostgreSQL count them (code points, not UTF-16 units). */
  private static int characters(String text) {
    return text.codePointCount(0, text.length());
  }

  public static EventDetails of(Event event) {
    return new EventDetails(
        event.title(),
        event.description(),
        event.venue(),
        event.startsAt(),
        event.endsAt(),
        event.capacity(),
        event.maxTicketsPerUser(),
        event.timeZone());
  }
}
