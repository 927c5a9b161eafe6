package boxoffice.app;

import boxoffice.app.config.AppConfig;
import boxoffice.app.service.AuthPolicy;
import boxoffice.app.service.HoldRules;
import boxoffice.app.service.LoginFailureLog;
import boxoffice.app.service.TicketRules;
import boxoffice.app.service.WaitlistRules;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;

/** The composition root's own bindings: configuration, the clock, and policies made of config. */
final class BoxofficeModule extends AbstractModule {
  private final AppConfig config;
  private final Clock clock;
  private final OpenTelemetry openTelemetry;

  BoxofficeModule(AppConfig config, Clock clock, OpenTelemetry openTelemetry) {
    this.config = config;
    this.clock = clock;
    this.openTelemetry = openTelemetry;
  }

  @Override
  protected void configure() {
    bind(AppConfig.class).toInstance(config);
    bind(Clock.class).toInstance(clock);
    bind(OpenTelemetry.class).toInstance(openTelemetry);
  }

  @Provides
  @Singleton
  TicketRules ticketRules() {
    return new TicketRules(
        config.tickets().maxTicketsPerUser(),
        config.tickets().checkInOpensBefore(),
        config.tickets().defaultTimeZone());
  }

  @Provides
  @Singleton
  HoldRules holdRules() {
    return new HoldRules(config.holds().ttl());
  }

  @Provides
  @Singleton
  WaitlistRules waitlistRules() {
    return new WaitlistRules(config.waitlist().offerTtl());
  }

  @Provides
  @Singleton
  AuthPolicy authPolicy() {
    var auth = config.auth();
    return new AuthPolicy(
        config.jwt().refreshTokenTtl(),
        new LoginFailureLog.Limits(
            auth.maxFailuresPerEmail(), auth.maxFailuresPerAddress(), auth.throttleWindow()));
  }
}
