package boxoffice.app.transport;

import io.javalin.http.servlet.DefaultTasks;
import io.javalin.http.servlet.JavalinServlet;
import io.javalin.http.servlet.JavalinServletContext;
import io.javalin.http.servlet.SubmitOrder;
import io.javalin.http.servlet.Task;
import io.javalin.http.servlet.TaskInitializer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;
import java.util.Set;
import kotlin.Unit;
import kotlin.jvm.functions.Function2;

/**
 * Javalin's HTTP step of the request lifecycle with the route looked up once instead of twice, and
 * its path parameters taken from the segments the route was matched by instead of from Javalin's
 * regular expressions. A request that matches no route, or a route Javalin matches itself, goes
 * through Javalin's own step unchanged (HEAD without a handler, 404, 405).
 *
 * <p>Javalin has no public way to hand a context its parameters, so they are set on the fields
 * Javalin's {@code update} reads: with the matched path already set, it keeps the parameters given.
 * The fields are resolved when this class loads, so a Javalin that renamed them fails at start-up.
 */
final class MatchedRouteStep implements TaskInitializer<JavalinServletContext> {
  private static final VarHandle MATCHED_PATH = field("matchedPath", String.class);
  private static final VarHandle PATH_PARAMS = field("pathParamMap", Map.class);
  private static final VarHandle ROUTE_ROLES = field("routeRoles", Set.class);

  private final SegmentMatchingRouter router;

  MatchedRouteStep(SegmentMatchingRouter router) {
    this.router = router;
  }

  @Override
  public void createTasks(
      Function2<? super SubmitOrder, ? super Task, Unit> submitTask,
      JavalinServlet servlet,
      JavalinServletContext ctx,
      String requestUri) {
    SegmentMatchingRouter.Route route = router.find(ctx.method(), requestUri);
    if (route == null) {
      DefaultTasks.INSTANCE.getHTTP().createTasks(submitTask, servlet, ctx, requestUri);
      return;
    }
    submitTask.invoke(SubmitOrder.LAST, new Task(true, () -> handle(route, ctx, requestUri)));
  }

  private static Unit handle(
      SegmentMatchingRouter.Route route, JavalinServletContext ctx, String requestUri) {
    ROUTE_ROLES.set(ctx, route.roles());
    Map<String, String> params = route.pathParams(requestUri);
    if (params != null) {
      PATH_PARAMS.set(ctx, params);
      MATCHED_PATH.set(ctx, route.entry().getEndpoint().getPath());
    }
    route.entry().handle(ctx, requestUri);
    return Unit.INSTANCE;
  }

  private static VarHandle field(String name, Class<?> type) {
    try {
      return MethodHandles.privateLookupIn(JavalinServletContext.class, MethodHandles.lookup())
          .findVarHandle(JavalinServletContext.class, name, type);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(
          "this Javalin's request context has no field " + name + ": " + e);
    }
  }
}
