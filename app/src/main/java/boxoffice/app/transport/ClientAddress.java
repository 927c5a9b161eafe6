package boxoffice.app.transport;

import io.javalin.http.Context;

/** The caller's network address, for throttling. */
final class ClientAddress {
  private final boolean trustForwardedFor;

  ClientAddress(boolean trustForwardedFor) {
    this.trustForwardedFor = trustForwardedFor;
  }

  /**
   * The first {@code X-Forwarded-For} hop only behind a trusted proxy; otherwise anyone could dodge
   * address throttling by sending the header.
   */
  String of(Context ctx) {
    if (trustForwardedFor) {
      String forwarded = ctx.header("X-Forwarded-For");
      if (forwarded != null && !forwarded.isBlank()) {
        String first = forwarded.split(",", 2)[0].strip();
        if (!first.isEmpty() && first.length() <= 64) {
          return first;
        }
      }
    }
    return ctx.ip();
  }
}
