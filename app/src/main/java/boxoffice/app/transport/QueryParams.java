package boxoffice.app.transport;

import io.javalin.http.Context;

/** Typed query parameters; a malformed one is a 400 naming the parameter. */
final class QueryParams {
  private QueryParams() {}

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
