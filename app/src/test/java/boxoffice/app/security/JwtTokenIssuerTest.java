package boxoffice.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.ManualClock;
import boxoffice.app.config.AppConfig;
import boxoffice.app.domain.Principal;
import boxoffice.app.domain.Role;
import boxoffice.app.domain.User;
import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class JwtTokenIssuerTest {
  private static final String SECRET = "a-test-signing-secret-of-32-bytes-or-more";
  private static final String ISSUER = "boxoffice";
  private static final String AUDIENCE = "boxoffice-api";
  private static final Duration TTL = Duration.ofMinutes(15);
  private static final UUID SESSION = UUID.randomUUID();
  private static final Instant START = Instant.parse("2030-05-01T12:00:00Z");
  private static final Algorithm HS256 = Algorithm.HMAC256(SECRET.getBytes(StandardCharsets.UTF_8));

  private final ManualClock clock = new ManualClock(START);
  private final JwtTokenIssuer issuer =
      new JwtTokenIssuer(
          new AppConfig.Jwt(SECRET, ISSUER, AUDIENCE, TTL, Duration.ofDays(30)), clock);
  private final UUID userId = UUID.fromString("3f1c1f2e-2d7b-4c55-9a0e-6d1b1c9a7e10");
  private final User user = new User(userId, "alice@example.com", "Alice", Role.USER, START);

  @Test
  void issuedTokenVerifiesToItsPrincipal() {
    String token = issuer.issue(user, SESSION);

    assertThat(issuer.verify(token))
        .map(p -> List.of(p.userId(), p.role()))
        .contains(List.of(userId, Role.USER));
  }

  @Test
  void issuedAdminTokenVerifiesToAnAdminPrincipal() {
    User admin = new User(userId, "root@example.com", "Root", Role.ADMIN, START);

    Optional<Principal> principal = issuer.verify(issuer.issue(admin, SESSION));

    assertThat(principal)
        .map(p -> List.of(p.userId(), p.role()))
        .contains(List.of(userId, Role.ADMIN));
    assertThat(principal.orElseThrow().isAdmin()).isTrue();
  }

  @Test
  void issuedStaffTokenVerifiesToAStaffPrincipalWhoMayCheckInButIsNoAdmin() {
    User staff = new User(userId, "door@example.com", "Door", Role.STAFF, START);

    Principal principal = issuer.verify(issuer.issue(staff, SESSION)).orElseThrow();

    assertThat(principal.role()).isEqualTo(Role.STAFF);
    assertThat(principal.mayCheckIn()).isTrue();
    assertThat(principal.isAdmin()).isFalse();
  }

  @Test
  void issuedTokenCarriesIssuerAudienceRoleAndLifetime() {
    DecodedJWT jwt = JWT.decode(issuer.issue(user, SESSION));

    assertThat(jwt.getAlgorithm()).isEqualTo("HS256");
    assertThat(jwt.getIssuer()).isEqualTo(ISSUER);
    assertThat(jwt.getAudience()).containsExactly(AUDIENCE);
    assertThat(jwt.getSubject()).isEqualTo(userId.toString());
    assertThat(jwt.getClaim("role").asString()).isEqualTo("USER");
    assertThat(jwt.getIssuedAtAsInstant()).isEqualTo(START);
    assertThat(jwt.getExpiresAtAsInstant()).isEqualTo(START.plus(TTL));
    assertThat(jwt.getId()).isNotBlank();
    assertThat(issuer.accessTokenTtl()).isEqualTo(TTL);
  }

  @Test
  void everyIssuedTokenHasItsOwnId() {
    assertThat(JWT.decode(issuer.issue(user, SESSION)).getId())
        .isNotEqualTo(JWT.decode(issuer.issue(user, SESSION)).getId());
  }

  @Test
  void tokenWithTamperedSignatureIsRefused() {
    String[] parts = issuer.issue(user, SESSION).split("\\.");
    // The first character of the signature carries six full bits, unlike the last one.
    String signature = parts[2];
    char flipped = signature.charAt(0) == 'A' ? 'B' : 'A';
    String tampered = parts[0] + "." + parts[1] + "." + flipped + signature.substring(1);

    assertThat(issuer.verify(tampered)).isEmpty();
  }

  @Test
  void tokenWithoutSignatureIsRefused() {
    String[] parts = issuer.issue(user, SESSION).split("\\.");

    assertThat(issuer.verify(parts[0] + "." + parts[1] + ".")).isEmpty();
  }

  @Test
  void tokenWhosePayloadWasEditedToAdminIsRefused() {
    String[] parts = issuer.issue(user, SESSION).split("\\.");
    String payload = decode(parts[1]);
    assertThat(payload).contains("\"role\":\"USER\"");
    String forged = encode(payload.replace("\"role\":\"USER\"", "\"role\":\"ADMIN\""));

    assertThat(issuer.verify(parts[0] + "." + forged + "." + parts[2])).isEmpty();
  }

  @Test
  void tokenWhoseExpiryWasExtendedIsRefused() {
    String[] parts = issuer.issue(user, SESSION).split("\\.");
    long exp = START.plus(TTL).getEpochSecond();
    String forged =
        encode(decode(parts[1]).replace("\"exp\":" + exp, "\"exp\":" + (exp + 86_400 * 365)));
    clock.advance(Duration.ofHours(1));

    assertThat(issuer.verify(parts[0] + "." + forged + "." + parts[2])).isEmpty();
  }

  @Test
  void unsignedTokenWithAlgNoneIsRefused() {
    String unsigned = validClaims().sign(Algorithm.none());
    assertThat(JWT.decode(unsigned).getAlgorithm()).isEqualTo("none");

    assertThat(issuer.verify(unsigned)).isEmpty();
  }

  @Test
  void genuinePayloadUnderAnAlgNoneHeaderIsRefused() {
    String[] parts = issuer.issue(user, SESSION).split("\\.");
    String none = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");

    assertThat(issuer.verify(none + "." + parts[1] + ".")).isEmpty();
    assertThat(issuer.verify(none + "." + parts[1] + "." + parts[2])).isEmpty();
  }

  @Test
  void tokenSignedWithAnotherSecretIsRefused() {
    Algorithm other =
        Algorithm.HMAC256("another-secret-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8));

    assertThat(issuer.verify(validClaims().sign(other))).isEmpty();
  }

  @Test
  void tokenSignedWithHs512AndTheSameSecretIsRefusedBecauseTheAlgorithmIsPinned() {
    byte[] key = SECRET.getBytes(StandardCharsets.UTF_8);

    assertThat(issuer.verify(validClaims().sign(Algorithm.HMAC512(key)))).isEmpty();
    assertThat(issuer.verify(validClaims().sign(Algorithm.HMAC384(key)))).isEmpty();
  }

  @Test
  void craftedTokenWithTheRightSecretAndClaimsIsAccepted() {
    // Baseline for the refusals below: they differ from this token in one respect only.
    assertThat(issuer.verify(validClaims().sign(HS256)))
        .map(p -> List.of(p.userId(), p.role()))
        .contains(List.of(userId, Role.USER));
  }

  @Test
  void expiredTokenIsRefused() {
    String token = issuer.issue(user, SESSION);
    clock.advance(TTL.plusHours(1));

    assertThat(issuer.verify(token)).isEmpty();
  }

  @Test
  void tokenIsAcceptedUntilItExpires() {
    String token = issuer.issue(user, SESSION);
    clock.advance(TTL.minusSeconds(1));

    assertThat(issuer.verify(token)).isPresent();
  }

  @Test
  void tokenWithinThirtySecondsOfClockSkewAfterExpiryIsStillAccepted() {
    String token = issuer.issue(user, SESSION);

    clock.set(START.plus(TTL));
    assertThat(issuer.verify(token)).isPresent();
    clock.set(START.plus(TTL).plusSeconds(1));
    assertThat(issuer.verify(token)).isPresent();
    clock.set(START.plus(TTL).plusSeconds(29));
    assertThat(issuer.verify(token)).isPresent();
  }

  @Test
  void tokenMoreThanThirtySecondsPastExpiryIsRefused() {
    String token = issuer.issue(user, SESSION);

    clock.set(START.plus(TTL).plusSeconds(31));
    assertThat(issuer.verify(token)).isEmpty();
    clock.set(START.plus(TTL).plusSeconds(60));
    assertThat(issuer.verify(token)).isEmpty();
  }

  @Test
  void aTokenThatVerifiedBeforeIsStillRefusedOnceExpired() {
    String token = issuer.issue(user, SESSION);
    assertThat(issuer.verify(token)).isPresent();

    clock.set(START.plus(TTL).plusSeconds(29));
    assertThat(issuer.verify(token)).isPresent();
    clock.set(START.plus(TTL).plusSeconds(31));
    assertThat(issuer.verify(token)).isEmpty();
  }

  @Test
  void aTokenThatVerifiedBeforeIsRefusedWhenTheClockGoesBackBeforeItsIssueTime() {
    String token = issuer.issue(user, SESSION);
    assertThat(issuer.verify(token)).isPresent();

    clock.set(START.minusSeconds(JwtTokenIssuer.CLOCK_SKEW_SECONDS + 1));
    assertThat(issuer.verify(token)).isEmpty();
  }

  @Test
  void anEditedCopyOfATokenThatVerifiedIsRefused() {
    String token = issuer.issue(user, SESSION);
    assertThat(issuer.verify(token)).isPresent();
    String[] parts = token.split("\\.");
    String admin =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    .replace("\"USER\"", "\"ADMIN\"")
                    .getBytes(StandardCharsets.UTF_8));

    assertThat(issuer.verify(parts[0] + "." + admin + "." + parts[2])).isEmpty();
    assertThat(issuer.verify(token + " ")).isEmpty();
  }

  @Test
  void tokenIssuedFurtherInTheFutureThanTheSkewIsRefused() {
    Instant later = START.plusSeconds(JwtTokenIssuer.CLOCK_SKEW_SECONDS + 60);
    String token = claims(later, later.plus(TTL)).sign(HS256);

    assertThat(issuer.verify(token)).isEmpty();
  }

  @Test
  void tokenOfAnotherIssuerIsRefused() {
    assertThat(issuer.verify(validClaims().withIssuer("someone-else").sign(HS256))).isEmpty();
  }

  @Test
  void tokenForAnotherAudienceIsRefused() {
    assertThat(issuer.verify(validClaims().withAudience("another-api").sign(HS256))).isEmpty();
  }

  /** A token that lacks any one of the claims every access token must carry. */
  @ParameterizedTest(name = "without {0}")
  @ValueSource(strings = {"role", "sub", "exp", "iat"})
  void tokenWithoutAMandatoryClaimIsRefused(String missing) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", ISSUER);
    claims.put("aud", AUDIENCE);
    claims.put("sub", userId.toString());
    claims.put("role", "USER");
    claims.put("iat", Date.from(START));
    claims.put("exp", Date.from(START.plus(TTL)));
    assertThat(issuer.verify(JWT.create().withPayload(claims).sign(HS256))).isPresent();

    claims.remove(missing);

    assertThat(issuer.verify(JWT.create().withPayload(claims).sign(HS256))).isEmpty();
  }

  @Test
  void tokenWithUnknownRoleIsRefused() {
    assertThat(issuer.verify(validClaims().withClaim("role", "SUPERUSER").sign(HS256))).isEmpty();
    assertThat(issuer.verify(validClaims().withClaim("role", "admin").sign(HS256))).isEmpty();
    assertThat(issuer.verify(validClaims().withClaim("role", 1).sign(HS256))).isEmpty();
  }

  @Test
  void tokenWhoseSubjectIsNotAUserIdIsRefused() {
    assertThat(issuer.verify(validClaims().withSubject("alice").sign(HS256))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "garbage",
        "a.b.c",
        "..",
        "...",
        "eyJhbGciOiJIUzI1NiJ9",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0",
        "eyJhbGciOiJIUzI1NiJ9.!!!.???",
        "Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2ln",
        "{\"alg\":\"HS256\"}.{}.x",
      })
  void garbageIsRefused(String token) {
    assertThat(issuer.verify(token)).isEmpty();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\t", "\n  "})
  void missingOrBlankTokenIsRefused(String token) {
    assertThat(issuer.verify(token)).isEmpty();
  }

  @Test
  void anotherIssuerInstanceWithTheSameSettingsAcceptsTheToken() {
    JwtTokenIssuer sibling =
        new JwtTokenIssuer(
            new AppConfig.Jwt(SECRET, ISSUER, AUDIENCE, TTL, Duration.ofDays(30)), clock);

    assertThat(sibling.verify(issuer.issue(user, SESSION)))
        .map(p -> List.of(p.userId(), p.role()))
        .contains(List.of(userId, Role.USER));
  }

  private JWTCreator.Builder validClaims() {
    return claims(START, START.plus(TTL));
  }

  private JWTCreator.Builder claims(Instant issuedAt, Instant expiresAt) {
    return JWT.create()
        .withIssuer(ISSUER)
        .withAudience(AUDIENCE)
        .withSubject(userId.toString())
        .withClaim("role", "USER")
        .withIssuedAt(issuedAt)
        .withExpiresAt(expiresAt);
  }

  private static String decode(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
