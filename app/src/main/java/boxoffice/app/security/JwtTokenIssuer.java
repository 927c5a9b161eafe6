package boxoffice.app.security;

import boxoffice.app.config.AppConfig;
import boxoffice.app.domain.Principal;
import boxoffice.app.domain.Role;
import boxoffice.app.domain.User;
import boxoffice.app.service.TokenIssuer;
import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * HS256 access tokens. The verifier is pinned to HS256 with our key, so {@code alg: none} or any
 * other algorithm in a token header is rejected.
 */
final class JwtTokenIssuer implements TokenIssuer {
  static final long CLOCK_SKEW_SECONDS = 30;
  private static final String ROLE_CLAIM = "role";
  private static final String SESSION_CLAIM = "sid";

  private final Algorithm algorithm;
  private final AppConfig.Jwt settings;
  private final Clock clock;
  private final JWTVerifier verifier;

  JwtTokenIssuer(AppConfig.Jwt settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.algorithm = Algorithm.HMAC256(settings.secret().getBytes(StandardCharsets.UTF_8));
    this.verifier =
        ((JWTVerifier.BaseVerification)
                JWT.require(algorithm)
                    .withIssuer(settings.issuer())
                    .withAudience(settings.audience())
                    .withClaimPresence("sub")
                    .withClaimPresence("iat")
                    .withClaimPresence("exp")
                    .withClaimPresence(ROLE_CLAIM)
                    .acceptLeeway(CLOCK_SKEW_SECONDS))
            .build(clock);
  }

  @Override
  public String issue(User user, UUID sessionId) {
    Instant now = clock.instant();
    return JWT.create()
        .withIssuer(settings.issuer())
        .withAudience(settings.audience())
        .withSubject(user.id().toString())
        .withClaim(ROLE_CLAIM, user.role().name())
        .withClaim(SESSION_CLAIM, sessionId.toString())
        .withIssuedAt(now)
        .withExpiresAt(now.plus(settings.accessTokenTtl()))
        .withJWTId(UUID.randomUUID().toString())
        .sign(algorithm);
  }

  @Override
  public Duration accessTokenTtl() {
    return settings.accessTokenTtl();
  }

  @Override
  public Optional<Principal> verify(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    try {
      DecodedJWT jwt = verifier.verify(token);
      return Optional.of(
          new Principal(
              UUID.fromString(jwt.getSubject()),
              Role.valueOf(jwt.getClaim(ROLE_CLAIM).asString()),
              sessionOf(jwt),
              jwt.getIssuedAtAsInstant()));
    } catch (JWTVerificationException | IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  /** Tokens issued before sessions were named have none; they expire within their lifetime. */
  private static UUID sessionOf(DecodedJWT jwt) {
    String session = jwt.getClaim(SESSION_CLAIM).asString();
    return session == null ? null : UUID.fromString(session);
  }
}
