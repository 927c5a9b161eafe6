package boxoffice.app.transport;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** Every route of the service in one table: method, path, who may call it, and its handler. */
final class Router {
  static final String API = "/api/v1";

  /** One row of the routing table. */
  record Route(HandlerType method, String path, Access access, Handler handler) {}

  private final AuthController auth;
  private final UserController users;
  private final HealthController health;
  private final EventController events;
  private final BookingController bookings;
  private final ReviewController reviews;
  private final TicketController tickets;
  private final HoldController holds;
  private final WaitlistController waitlist;
  private final MetricsController metrics;

  @Inject
  Router(
      AuthController auth,
      UserController users,
      HealthController health,
      EventController events,
      BookingController bookings,
      ReviewController reviews,
      TicketController tickets,
      HoldController holds,
      WaitlistController waitlist,
      MetricsController metrics) {
    this.tickets = tickets;
    this.holds = holds;
    this.waitlist = waitlist;
    this.metrics = metrics;
    this.auth = auth;
    this.users = users;
    this.health = health;
    this.events = events;
    this.bookings = bookings;
    this.reviews = reviews;
  }

  /**
   * Javalin tries the routes of a method in the order given here, one regular expression each, so
   * the most requested come first: event pages and search, then bookings; operations last.
   */
  List<Route> routes() {
    return withHeadOfEachGet(table());
  }

  /**
   * HEAD runs the GET handler, so it answers with GET's status and headers; Jetty drops the body.
   */
  private static List<Route> withHeadOfEachGet(List<Route> table) {
    List<Route> routes = new ArrayList<>(table);
    for (Route route : table) {
      if (route.method() == HandlerType.GET) {
        routes.add(new Route(HandlerType.HEAD, route.path(), route.access(), route.handler()));
      }
    }
    return List.copyOf(routes);
  }

  private List<Route> table() {
    return List.of(
        new Route(HandlerType.GET, API + "/events/{id}", Access.PUBLIC, events::get),
        new Route(HandlerType.GET, API + "/events", Access.PUBLIC, events::search),
        new Route(HandlerType.GET, API + "/events/{id}/comments", Access.PUBLIC, reviews::list),
        new Route(HandlerType.POST, API + "/events/{id}/bookings", Access.USER, bookings::book),
        new Route(HandlerType.GET, API + "/bookings", Access.USER, bookings::listMine),
        new Route(HandlerType.GET, API + "/bookings/{id}", Access.USER, bookings::get),
        new Route(HandlerType.POST, API + "/bookings/{id}/cancel", Access.USER, bookings::cancel),
        new Route(HandlerType.POST, API + "/events/{id}/holds", Access.USER, holds::hold),
        new Route(HandlerType.GET, API + "/holds/{id}", Access.USER, holds::get),
        new Route(HandlerType.POST, API + "/holds/{id}/confirm", Access.USER, holds::confirm),
        new Route(HandlerType.DELETE, API + "/holds/{id}", Access.USER, holds::release),
        new Route(HandlerType.POST, API + "/events/{id}/waitlist", Access.USER, waitlist::join),
        new Route(HandlerType.GET, API + "/waitlist", Access.USER, waitlist::listMine),
        new Route(HandlerType.DELETE, API + "/waitlist/{id}", Access.USER, waitlist::leave),
        new Route(HandlerType.POST, API + "/events/{id}/check-ins", Access.USER, tickets::checkIn),
        new Route(HandlerType.GET, API + "/bookings/{id}/tickets", Access.USER, tickets::ofBooking),
        new Route(HandlerType.GET, API + "/tickets/{id}/qr", Access.USER, tickets::qr),
        new Route(HandlerType.POST, API + "/tickets/{id}/cancel", Access.USER, tickets::cancel),
        new Route(
            HandlerType.GET, API + "/events/{id}/check-ins/summary", Access.USER, tickets::summary),
        new Route(
            HandlerType.DELETE,
            API + "/events/{id}/check-ins/{ticketId}",
            Access.USER,
            tickets::undoCheckIn),
        new Route(HandlerType.PUT, API + "/events/{id}/rating", Access.USER, reviews::rate),
        new Route(HandlerType.POST, API + "/events/{id}/comments", Access.USER, reviews::create),
        new Route(HandlerType.DELETE, API + "/comments/{id}", Access.USER, reviews::delete),
        new Route(HandlerType.POST, API + "/auth/login", Access.PUBLIC, auth::login),
        new Route(HandlerType.POST, API + "/auth/refresh", Access.PUBLIC, auth::refresh),
        new Route(HandlerType.POST, API + "/auth/register", Access.PUBLIC, auth::register),
        new Route(HandlerType.POST, API + "/auth/logout", Access.PUBLIC, auth::logout),
        new Route(HandlerType.GET, API + "/users/me", Access.USER, users::me),
        new Route(HandlerType.POST, API + "/events", Access.ADMIN, events::create),
        new Route(HandlerType.PATCH, API + "/events/{id}", Access.ADMIN, events::update),
        new Route(HandlerType.DELETE, API + "/events/{id}", Access.ADMIN, events::delete),
        new Route(HandlerType.PUT, API + "/events/{id}/status", Access.ADMIN, events::changeStatus),
        new Route(
            HandlerType.GET, API + "/events/{id}/bookings", Access.ADMIN, bookings::listOfEvent),
        new Route(
            HandlerType.GET, API + "/events/{id}/waitlist", Access.ADMIN, waitlist::listOfEvent),
        new Route(HandlerType.GET, API + "/admin/users", Access.ADMIN, users::list),
        new Route(HandlerType.PUT, API + "/admin/users/{id}/role", Access.ADMIN, users::changeRole),
        new Route(HandlerType.GET, "/health/live", Access.PUBLIC, health::live),
        new Route(HandlerType.GET, "/health/ready", Access.PUBLIC, health::ready),
        new Route(HandlerType.GET, "/metrics", Access.PUBLIC, metrics::scrape));
  }
}
