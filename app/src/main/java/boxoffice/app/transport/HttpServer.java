package boxoffice.app.transport;

import boxoffice.app.observability.HttpMetrics;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.http.HandlerType;
import io.javalin.http.servlet.DefaultTasks;
import io.javalin.openapi.plugin.OpenApiPlugin;
import io.javalin.openapi.plugin.swagger.SwaggerPlugin;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The HTTP server: Javalin with middleware, routes, error mapping and API documentation. */
public final class HttpServer implements AutoCloseable {
  static final String OPENAPI_PATH = "/openapi.json";

  private final Javalin app;
  private final TimeoutMiddleware timeout;
  private final List<Router.Route> routes;
  private final ConnectionLimits limits;
  private static final int RESPONSE_COPY_BUFFER = 8192;

  // Where to listen: set by start(), read when Javalin asks for the connector during start-up.
  private volatile String host;
  private volatile int port;

  @Inject
  HttpServer(
      ObjectMapper mapper,
      MaxBodySize maxBodySize,
      ConnectionLimits limits,
      Router router,
      TimeoutMiddleware timeout,
      RequestIdMiddleware requestIds,
      AuthMiddleware auth,
      AccessLog accessLog,
      HttpMetrics httpMetrics,
      RequestTracing tracing,
      ProblemResponder problems,
      CorsPolicy cors) {
    this.timeout = timeout;
    this.limits = limits;
    this.routes = router.routes();
    this.app =
        Javalin.create(
            config -> {
              // First, so that every route, the plugins' too, is added to it.
              SegmentMatchingRouter segmentRouter = new SegmentMatchingRouter(config);
              config.pvt.internalRouter = segmentRouter;
              config.showJavalinBanner = false;
              config.useVirtualThreads = true;
              config.http.prefer405over404 = true;
              config.http.maxRequestSize = maxBodySize.bytes();
              // Javalin copies every response body through a new buffer of this size (by default
              // Jetty's whole output buffer, 32 KiB, zeroed for each response of a few hundred
              // bytes). Above the gzip threshold, so that a large body is still compressed.
              config.http.responseBufferSize = RESPONSE_COPY_BUFFER;
              config.http.defaultContentType = "application/json; charset=utf-8";
              config.jsonMapper(new BufferedJsonMapper(mapper));
              // Javalin's before-matched step looks the route up for every request even when, as
              // here, no before-matched or after-matched handler exists; start() checks that none
              // does. Its HTTP step looks it up twice; ours once.
              config.pvt.servletRequestLifecycle =
                  new ArrayList<>(
                      List.of(
                          DefaultTasks.INSTANCE.getBEFORE(),
                          new MatchedRouteStep(segmentRouter),
                          DefaultTasks.INSTANCE.getERROR(),
                          DefaultTasks.INSTANCE.getAFTER()));
              config.http.customCompression(jsonCompression());
              config.requestLogger.http(
                  (ctx, ms) -> {
                    httpMetrics.finished(
                        ctx.method().name(),
                        AccessLog.routeOf(ctx),
                        ctx.statusCode(),
                        ms / 1000.0,
                        Boolean.TRUE.equals(ctx.attribute(TimeoutMiddleware.TIMED_OUT)));
                    accessLog.log(ctx, ms);
                    tracing.end(ctx);
                  });
              config.jetty.modifyHttpConfiguration(
                  http -> http.addCustomizer(new MethodOverrideRemover()));
              config.jetty.addConnector(this::connector);
              config.jetty.modifyServer(
                  server -> server.setErrorHandler(new JettyProblemErrorHandler()));
              config.jetty.modifyServletContextHandler(
                  handler -> handler.setErrorHandler(new JettyProblemErrorHandler()));
              config.registerPlugin(
                  new OpenApiPlugin(
                      openApi ->
                          openApi
                              .withDocumentationPath(OPENAPI_PATH)
                              .withDefinitionConfiguration(
                                  (version, definition) ->
                                      definition
                                          .withInfo(
                                              info ->
                                                  info.title("Boxoffice API")
                                                      .version("1")
                                                      .description(
                                                          "Ticket booking for events. Errors are"
                                                              + " RFC 9457 problem+json; lists"
                                                              + " are keyset-paged with opaque"
                                                              + " cursors."))
                                          .withSecurity(
                                              security ->
                                                  security.withBearerAuth(
                                                      "bearerAuth", bearer -> {}))
                                          .withDefinitionProcessor(
                                              new OpenApiRefinements(routes)))));
              config.registerPlugin(
                  new SwaggerPlugin(
                      swagger -> {
                        swagger.setDocumentationPath(OPENAPI_PATH);
                        swagger.setUiPath(SwaggerPage.PATH);
                        swagger.setTitle(SwaggerPage.TITLE);
                        swagger.setValidatorUrl(SwaggerPage.NO_VALIDATOR);
                      }));
            });
    // Javalin dispatches each before-handler separately, per request, so there is one. Access
    // rules and span names are bound to each route when it is registered (below): a
    // before-matched handler would make Javalin look the route up again for every request.
    app.before(
        ctx -> {
          httpMetrics.started();
          requestIds.assign(ctx);
          tracing.start(ctx);
          RequestTarget.check(ctx);
          cors.decorate(ctx);
        });
    app.after(HttpServer::declareUtf8);
    app.after(SwaggerPage.PATH, SwaggerPage::secure);
    problems.register(app);
    for (Router.Route route : routes) {
      app.addHttpHandler(
          route.method(),
          route.path(),
          timeout.wrap(
              tracing.wrap(
                  route.method(), route.path(), auth.wrap(route.access(), route.handler()))),
          route.access());
    }
    if (cors.enabled()) {
      answerPreflights(cors);
    }
  }

  /** OPTIONS on every path, answered with the methods its routes accept. */
  private void answerPreflights(CorsPolicy cors) {
    Map<String, Set<String>> methodsByPath = new LinkedHashMap<>();
    for (Router.Route route : routes) {
      methodsByPath
          .computeIfAbsent(route.path(), p -> new LinkedHashSet<>())
          .add(route.method().name());
    }
    methodsByPath.forEach(
        (path, methods) ->
            app.addHttpHandler(
                HandlerType.OPTIONS, path, ctx -> cors.preflight(ctx, methods), Access.PUBLIC));
  }

  /**
   * Gzip as before, but JSON is named as always compressible: Javalin otherwise scans its list of
   * excluded types, ignoring case, for every response, small ones included.
   */
  private static CompressionStrategy jsonCompression() {
    CompressionStrategy gzip = new CompressionStrategy(null, new Gzip());
    List<String> allowed = new ArrayList<>(gzip.getAllowedMimeTypes());
    // Exactly as Jetty writes the header (no space before charset): a content type found in this
    // list is decided at once, any other is matched against every excluded type, with a regular
    // expression each, on every response.
    allowed.addAll(
        List.of(
            "application/json",
            "application/json; charset=utf-8",
            "application/json;charset=utf-8",
            Problem.CONTENT_TYPE,
            Problem.CONTENT_TYPE + ";charset=utf-8"));
    gzip.setAllowedMimeTypes(allowed);
    return gzip;
  }

  /** The one listening connector: Javalin's default one, plus the bounds on slow clients. */
  private ServerConnector connector(Server server, HttpConfiguration http) {
    ServerConnector connector =
        new ServerConnector(
            server, new HeaderDeadlineConnectionFactory(http, limits.headerTimeout()));
    connector.setHost(host);
    connector.setPort(port);
    connector.setIdleTimeout(limits.idleTimeout().toMillis());
    return connector;
  }

  /** JSON is UTF-8 by definition; saying so keeps clients that sniff charsets correct. */
  private static void declareUtf8(io.javalin.http.Context ctx) {
    String type = ctx.res().getContentType();
    if (type != null && type.startsWith("application/json") && !type.contains("charset")) {
      ctx.contentType("application/json; charset=utf-8");
    }
  }

  public HttpServer start(String host, int port) {
    this.host = host;
    this.port = port;
    app.start();
    for (HandlerType skipped : List.of(HandlerType.BEFORE_MATCHED, HandlerType.AFTER_MATCHED)) {
      if (app.unsafeConfig()
          .pvt
          .internalRouter
          .findHttpHandlerEntries(skipped, null)
          .findAny()
          .isPresent()) {
        app.stop();
        throw new IllegalStateException(
            skipped + " handlers would never run: the request lifecycle leaves that step out");
      }
    }
    return this;
  }

  /** The bound port (useful when started on port 0). */
  public int port() {
    return app.port();
  }

  /** Every route of the service, for documentation checks and operations. */
  public List<Endpoint> endpoints() {
    return routes.stream().map(r -> new Endpoint(r.method().name(), r.path())).toList();
  }

  @Override
  public void close() {
    app.stop();
    timeout.close();
  }
}
