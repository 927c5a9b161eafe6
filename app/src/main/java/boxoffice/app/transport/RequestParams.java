package boxoffice.app.transport;

import boxoffice.app.domain.EventDetails;
import boxoffice.app.domain.NotFoundException;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Path and query parameters with the right 4xx when they do not parse. */
final class RequestParams {
  private RequestParams() {}

  /** A malformed id cannot name an existing resource: 404 like any unknown id. */
  static UUID id(Context ctx, String name, String resource) {
    try {
      return UUID.fromString(ctx.pathParam(name));
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("No such " + resource);
    }
  }

  static Optional<String> text(Context ctx, String name) {
    Optional<String> value =
        Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(s -> !s.isEmpty());
    if (value.filter(v -> v.indexOf('\u0000') >= 0).isPresent()) {
      throw HttpProblemException.badRequest(
          "Query parameter '" + name + "' must not contain NUL characters");
    }
    return value;
  }

  static Optional<Instant> instant(Context ctx, String name) {
    return text(ctx, name)
        .map(
            value -> {
              try {
                Instant instant = OffsetDateTime.parse(value).toInstant();
                if (!EventDetails.isStorable(instant)) {
                  throw HttpProblemException.badRequest(
                      "Query parameter '" + name + "' must be between the years 1 and 9999");
                }
                return instant;
              } catch (DateTimeParseException e) {
                throw HttpProblemException.badRequest(
                    "Query parameter '" + name + "' must be an RFC 3339 timestamp");
              }
            });
  }

  static <E extends Enum<E>> Optional<E> enumValue(Context ctx, String name, Class<E> type) {
    return text(ctx, name)
        .map(
            value -> {
              try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
              } catch (IllegalArgumentException e) {
                throw HttpProblemException.badRequest(
                    "Query parameter '"
                        + name
                        + "' must be one of "
                        + Arrays.toString(type.getEnumConstants()));
              }
            });
  }

  /** {@code If-Match: "3"} (or {@code 3}); absent is allowed, anything else is a 400. */
  static Optional<Integer> ifMatchVersion(Context ctx) {
    String header = ctx.header("If-Match");
    if (header == null || header.isBlank() || header.strip().equals("*")) {
      return Optional.empty(); // "*" matches any current version
    }
    String value = header.strip();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    // An ETag of this API is "<version>-<more>": If-Match compares the version.
    int dash = value.indexOf('-');
    if (dash > 0) {
      value = value.substring(0, dash);
    }
    try {
      return Optional.of(Integer.parseInt(value));
    } catch (NumberFormatException e) {
      throw HttpProblemException.badRequest(
          "If-Match must hold the event's ETag or version, e.g. \"3\"");
    }
  }

  /** An integer query parameter within [min, max], or {@code fallback} when absent. */
  static int intParam(Context ctx, String name, int fallback, int min, int max) {
    String raw = ctx.queryParam(name);
    if (raw == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw HttpProblemException.badRequest(
        "Query parameter '" + name + "' must be an integer from " + min + " to " + max);
  }
}
