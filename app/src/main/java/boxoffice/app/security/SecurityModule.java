package boxoffice.app.security;

import boxoffice.app.config.AppConfig;
import boxoffice.app.service.PasswordHasher;
import boxoffice.app.service.TokenIssuer;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;

/** Password hashing and token signing adapters. */
public final class SecurityModule extends AbstractModule {
  @Provides
  @Singleton
  PasswordHasher passwordHasher(AppConfig config) {
    return new BcryptPasswordHasher(config.auth().bcryptCost());
  }

  @Provides
  @Singleton
  TokenIssuer tokenIssuer(AppConfig config, Clock clock) {
    return new JwtTokenIssuer(config.jwt(), clock);
  }
}
