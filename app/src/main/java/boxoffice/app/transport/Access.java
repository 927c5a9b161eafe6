package boxoffice.app.transport;

import io.javalin.security.RouteRole;

/** Who may call a route. */
enum Access implements RouteRole {
  /** Anyone; a valid token, if sent, still identifies the caller. */
  PUBLIC,
  /** Any signed-in account. */
  USER,
  /** Administrators only. */
  ADMIN
}
