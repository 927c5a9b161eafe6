package boxoffice.app.transport;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import jakarta.inject.Inject;
import java.util.List;

/** Every route of the service in one table: method, path, who may call it, and its handler. */
final class Router {
  static final String API = "/api/v1";

  /** One row of the routing table. */
  record Route(HandlerType method, String path, Access access, Handler handler) {}

  private final AuthController auth;
  private final UserController users;
  private final HealthController health;

  @Inject
  Router(AuthController auth, UserController users, HealthController health) {
    this.auth = auth;
    this.users = users;
    this.health = health;
  }

  List<Route> routes() {
    return List.of(
        new Route(HandlerType.GET, "/health/live", Access.PUBLIC, health::live),
        new Route(HandlerType.GET, "/health/ready", Access.PUBLIC, health::ready),
        new Route(HandlerType.POST, API + "/auth/register", Access.PUBLIC, auth::register),
        new Route(HandlerType.POST, API + "/auth/login", Access.PUBLIC, auth::login),
        new Route(HandlerType.POST, API + "/auth/refresh", Access.PUBLIC, auth::refresh),
        new Route(HandlerType.POST, API + "/auth/logout", Access.PUBLIC, auth::logout),
        new Route(HandlerType.GET, API + "/users/me", Access.USER, users::me),
        new Route(HandlerType.GET, API + "/admin/users", Access.ADMIN, users::list));
  }
}
