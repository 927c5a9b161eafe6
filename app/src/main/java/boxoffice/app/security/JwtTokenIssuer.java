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
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HS256 access tokens. The verifier is pinned to HS256 with our key, so {@code alg: none} or any
 * other algorithm in a token header is rejected.
 *
 * <p>A token that verified is remembered with its principal and times: a client sends the same
 * token with every request for its lifetime, and checking its times again costs far less than
 * decoding it and computing its signature again. Only the exact string that verified is recognised,
 * and a remembered token is taken only while its times pass the checks the verifier applies (else
 * it is verified afresh, so the answer is always the verifier's).
 */
final class JwtTokenIssuer implements TokenIssuer {
  static final long CLOCK_SKEW_SECONDS = 30;
  private static final String ROLE_CLAIM = "role";
  private static final String SESSION_CLAIM = "sid";

  /** Tokens remembered at most; far more than the sessions active within a token's lifetime. */
  private static final int MAX_REMEMBERED = 10_000;

  /** Longer strings are verified but never remembered: ours are a few hundred characters. */
  private static final int MAX_REMEMBERED_LENGTH = 2_048;

  private final Algorithm algorithm;
  private final AppConfig.Jwt settings;
  private final Clock clock;
  private final JWTVerifier verifier;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

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
    // As the verifier reads the clock.
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Verified known = verified.get(token);
    if (known != null && known.timelyAt(now)) {
      return Optional.of(known.principal());
    }
    try {
      DecodedJWT jwt = verifier.verify(token);
      Principal principal =
          new Principal(
              UUID.fromString(jwt.getSubject()),
              Role.valueOf(jwt.getClaim(ROLE_CLAIM).asString()),
              sessionOf(jwt),
              jwt.getIssuedAtAsInstant());
      remember(token, jwt, principal);
      return Optional.of(principal);
    } catch (JWTVerificationException | IllegalArgumentException | NullPointerException e) {
      verified.remove(token);
      return Optional.empty();
    }
  }

  private void remember(String token, DecodedJWT jwt, Principal principal) {
    if (token.length() > MAX_REMEMBERED_LENGTH) {
      return;
    }
    if (verified.size() >= MAX_REMEMBERED) {
      verified.clear(); // crude, but the tokens in use come back at their next request
    }
    verified.put(
        token,
        new Verified(
            principal,
            jwt.getExpiresAtAsInstant(),
            jwt.getIssuedAtAsInstant(),
            jwt.getNotBeforeAsInstant()));
  }

  /**
   * A token that verified. Its times are checked as the verifier checks them, except that the last
   * second before expiry (plus skew) is left to the verifier: whichever way it counts that second,
   * a remembered token is never taken when the verifier would refuse it.
   */
  private record Verified(
      Principal principal, Instant expiresAt, Instant issuedAt, Instant notBefore) {
    boolean timelyAt(Instant now) {
      Instant earliest = now.plusSeconds(CLOCK_SKEW_SECONDS);
      return now.minusSeconds(CLOCK_SKEW_SECONDS).plusSeconds(1).isBefore(expiresAt)
          && !earliest.isBefore(issuedAt)
          && (notBefore == null || !earliest.isBefore(notBefore));
    }
  }

  /** Tokens issued before sessions were named have none; they expire within their lifetime. */
  private static UUID sessionOf(DecodedJWT jwt) {
    String session = jwt.getClaim(SESSION_CLAIM).asString();
    return session == null ? null : UUID.fromString(session);
  }
}
