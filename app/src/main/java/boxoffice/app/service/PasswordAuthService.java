package boxoffice.app.service;

import boxoffice.app.domain.AuthenticationException;
import boxoffice.app.domain.ConflictException;
import boxoffice.app.domain.Credentials;
import boxoffice.app.domain.Principal;
import boxoffice.app.domain.ProblemCode;
import boxoffice.app.domain.Role;
import boxoffice.app.domain.User;
import boxoffice.app.service.RefreshTokenRepository.StoredRefreshToken;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Email + password accounts with JWT access tokens and rotating refresh tokens. */
public final class PasswordAuthService implements AuthService {
  private static final String BAD_CREDENTIALS = "Invalid email or password";
  private static final String BAD_REFRESH_TOKEN = "Invalid or expired refresh token";

  private final Transactions transactions;
  private final UserRepository users;
  private final RefreshTokenRepository refreshTokens;
  private final LoginThrottle throttle;
  private final PasswordHasher hasher;
  private final TokenIssuer tokenIssuer;
  private final AuthPolicy policy;
  private final Clock clock;
  private final Outbox outbox;
  private final BusinessMetrics metrics;

  /** Checked when the email is unknown, so both failures cost the same time. */
  private final String dummyHash;

  private final SessionRevocations revocations;

  @Inject
  public PasswordAuthService(
      Transactions transactions,
      UserRepository users,
      RefreshTokenRepository refreshTokens,
      LoginThrottle throttle,
      PasswordHasher hasher,
      TokenIssuer tokenIssuer,
      AuthPolicy policy,
      Clock clock,
      Outbox outbox,
      BusinessMetrics metrics,
      SessionRevocations revocations) {
    this.metrics = metrics;
    this.revocations = revocations;
    this.transactions = transactions;
    this.users = users;
    this.refreshTokens = refreshTokens;
    this.throttle = throttle;
    this.hasher = hasher;
    this.tokenIssuer = tokenIssuer;
    this.policy = policy;
    this.clock = clock;
    this.outbox = outbox;
    this.dummyHash = hasher.hash(RefreshTokens.generate());
  }

  @Override
  public User register(RegisterCommand command) {
    String hash = hasher.hash(command.password());
    var newUser =
        new UserRepository.NewUser(
            UUID.randomUUID(), command.email(), command.name(), Role.USER, hash);
    return transactions.inTransaction(
        () -> {
          User user =
              users
                  .insert(newUser)
                  .orElseThrow(
                      () ->
                          new ConflictException(
                              ProblemCode.EMAIL_TAKEN,
                              "An account with this email already exists"));
          outbox.record(
              OutboxMessage.UserRegistered.of(user.id(), user.email(), user.name(), user.role()));
          return user;
        });
  }

  @Override
  public TokenPair login(LoginCommand command) {
    throttle.admit(command.email(), command.clientAddress());
    Optional<UserRepository.UserCredentials> account =
        users.findCredentialsByEmail(command.email());
    boolean verified = passwordMatches(command.password(), account);
    if (!verified) {
      transactions.run(
          () -> {
            Optional<UUID> knownId = account.map(a -> a.user().id());
            outbox.record(
                OutboxMessage.LoginFailed.of(
                    knownId.orElseGet(() -> unknownAccountId(command.email())),
                    command.email(),
                    command.clientAddress(),
                    knownId.isPresent()));
          });
      metrics.login(false);
      throw new AuthenticationException(BAD_CREDENTIALS);
    }
    UUID userId = account.orElseThrow().user().id();
    metrics.login(true);
    return transactions.inTransaction(
        () -> {
          // Read again, under a share lock: the account read above may predate a role change
          // that committed while the password was checked, and the token must carry the new role.
          User user =
              users
                  .findForNewSession(userId)
                  .orElseThrow(() -> new AuthenticationException(BAD_CREDENTIALS));
          throttle.recordSuccess(command.email());
          outbox.record(OutboxMessage.LoginSucceeded.of(user.id(), command.clientAddress()));
          return startSession(user, UUID.randomUUID());
        });
  }

  /** Failed logins for unknown emails still group under one stable id per email. */
  private static UUID unknownAccountId(String email) {
    return UUID.nameUUIDFromBytes(
        ("unknown-account:" + Credentials.emailKey(email)).getBytes(StandardCharsets.UTF_8));
  }

  private boolean passwordMatches(
      String password, Optional<UserRepository.UserCredentials> account) {
    // Overlong passwords were never accepted at sign-up; bcrypt would truncate them anyway.
    boolean acceptable =
        password.getBytes(StandardCharsets.UTF_8).length <= Credentials.MAX_PASSWORD_BYTES;
    String hash = account.filter(a -> acceptable).map(a -> a.passwordHash()).orElse(dummyHash);
    boolean matches = hasher.matches(acceptable ? password : "", hash);
    return matches && acceptable && account.isPresent();
  }

  @Override
  public TokenPair refresh(String refreshToken) {
    if (refreshToken == null || refreshToken.isBlank()) {
      throw new AuthenticationException(BAD_REFRESH_TOKEN);
    }
    byte[] hash = RefreshTokens.hash(refreshToken);
    Instant now = clock.instant();
    // The family revocation of a reused token must commit, so the outcome is returned, not thrown.
    Optional<TokenPair> pair = transactions.inTransaction(() -> rotate(hash, now));
    return pair.orElseThrow(() -> new AuthenticationException(BAD_REFRESH_TOKEN));
  }

  private Optional<TokenPair> rotate(byte[] hash, Instant now) {
    Optional<UUID> family = refreshTokens.find(hash).map(StoredRefreshToken::familyId);
    if (family.isEmpty() || !refreshTokens.lockFamily(family.get())) {
      return Optional.empty();
    }
    // Read again under the family lock: a concurrent refresh may have spent it meanwhile.
    StoredRefreshToken presented = refreshTokens.find(hash).orElseThrow();
    if (presented.isSpent()) {
      refreshTokens.revokeFamily(presented.familyId(), now);
      return Optional.empty();
    }
    if (!presented.expiresAt().isAfter(now)) {
      return Optional.empty();
    }
    Optional<User> user = users.findById(presented.userId());
    if (user.isEmpty()) {
      return Optional.empty();
    }
    UUID nextId = UUID.randomUUID();
    TokenPair pair = issue(user.get(), presented.familyId(), nextId, now);
    refreshTokens.markReplaced(presented.id(), nextId, now);
    return Optional.of(pair);
  }

  @Override
  public void logout(String refreshToken) {
    if (refreshToken == null || refreshToken.isBlank()) {
      return;
    }
    byte[] hash = RefreshTokens.hash(refreshToken);
    Instant now = clock.instant();
    transactions.run(
        () ->
            refreshTokens
                .find(hash)
                .map(StoredRefreshToken::familyId)
                .ifPresent(
                    family -> {
                      // Waits for a rotation in flight, so the token it issues is revoked too.
                      refreshTokens.lockFamily(family);
                      refreshTokens.revokeFamily(family, now);
                    }));
  }

  @Override
  public Optional<Principal> authenticate(String accessToken) {
    return tokenIssuer.verify(accessToken).filter(principal -> !revocations.isRevoked(principal));
  }

  private TokenPair startSession(User user, UUID familyId) {
    Instant now = clock.instant();
    refreshTokens.startFamily(familyId, user.id(), now);
    return issue(user, familyId, UUID.randomUUID(), now);
  }

  private TokenPair issue(User user, UUID familyId, UUID tokenId, Instant now) {
    String refreshToken = RefreshTokens.generate();
    refreshTokens.insert(
        new StoredRefreshToken(
            tokenId,
            user.id(),
            familyId,
            RefreshTokens.hash(refreshToken),
            now.plus(policy.refreshTokenTtl()),
            now,
            Optional.empty(),
            Optional.empty()));
    return new TokenPair(
        tokenIssuer.issue(user, familyId), refreshToken, tokenIssuer.accessTokenTtl());
  }
}
