package boxoffice.app.transport;

import boxoffice.app.config.AppConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.nio.charset.StandardCharsets;

/** The HTTP adapter: server, controllers and middleware. */
public final class TransportModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(HttpServer.class).in(Singleton.class);
    bind(Router.class).in(Singleton.class);
    bind(AuthController.class).in(Singleton.class);
    bind(UserController.class).in(Singleton.class);
    bind(HealthController.class).in(Singleton.class);
    bind(EventController.class).in(Singleton.class);
    bind(RenderedEventPages.class).in(Singleton.class);
    bind(BookingController.class).in(Singleton.class);
    bind(ReviewController.class).in(Singleton.class);
    bind(MetricsController.class).in(Singleton.class);
    bind(RequestTracing.class).in(Singleton.class);
    bind(AuthMiddleware.class).in(Singleton.class);
    bind(JsonBody.class).in(Singleton.class);
    bind(Paging.class).in(Singleton.class);
    bind(ProblemResponder.class).in(Singleton.class);
  }

  @Provides
  @Singleton
  ObjectMapper objectMapper() {
    return JsonMapperFactory.create();
  }

  @Provides
  @Singleton
  MaxBodySize maxBodySize(AppConfig config) {
    return new MaxBodySize(config.http().maxBodySize());
  }

  @Provides
  @Singleton
  ConnectionLimits connectionLimits(AppConfig config) {
    return new ConnectionLimits(config.http().headerTimeout(), config.http().idleTimeout());
  }

  @Provides
  @Singleton
  TimeoutMiddleware timeoutMiddleware(AppConfig config) {
    return new TimeoutMiddleware(config.http().requestTimeout());
  }

  @Provides
  @Singleton
  RequestIdMiddleware requestIdMiddleware() {
    return new RequestIdMiddleware();
  }

  @Provides
  @Singleton
  AccessLog accessLog() {
    return new AccessLog();
  }

  @Provides
  @Singleton
  CorsPolicy corsPolicy(AppConfig config) {
    return new CorsPolicy(config.http().corsAllowedOrigins());
  }

  @Provides
  @Singleton
  ClientAddress clientAddress(AppConfig config) {
    return new ClientAddress(config.http().trustForwardedFor());
  }

  @Provides
  @Singleton
  CursorCodec cursorCodec(AppConfig config) {
    return new CursorCodec(config.jwt().secret().getBytes(StandardCharsets.UTF_8));
  }
}
