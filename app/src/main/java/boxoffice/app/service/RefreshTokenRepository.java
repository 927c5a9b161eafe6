package boxoffice.app.service;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: refresh tokens by their SHA-256 hash. A family is the chain of tokens rotated out of one
 * login.
 */
public interface RefreshTokenRepository {
  /** Records a new family, before its first token. */
  void startFamily(UUID familyId, UUID userId, Instant at);

  void insert(StoredRefreshToken token);

  Optional<StoredRefreshToken> find(byte[] tokenHash);

  /**
   * Locks the family until the transaction ends, so that rotation and revocation of one family run
   * one after the other on every instance; true if the family is live (not revoked).
   */
  boolean lockFamily(UUID familyId);

  void markReplaced(UUID id, UUID replacedBy, Instant at);

  /**
   * Revokes the family and every live token of it; returns how many tokens were revoked. Call with
   * the family locked, so a token inserted by a concurrent rotation is among them.
   */
  int revokeFamily(UUID familyId, Instant at);

  /**
   * Revokes every live session of the user and every live token of them; returns how many tokens
   * were revoked. The sessions are locked first, as {@link #lockFamily} does, so a rotation in
   * flight finishes before (and its new token is revoked too) or finds its session revoked.
   */
  int revokeAllOfUser(UUID userId, Instant at);

  /** A refresh token as stored. Spent means rotated or revoked. */
  record StoredRefreshToken(
      UUID id,
      UUID userId,
      UUID familyId,
      byte[] tokenHash,
      Instant expiresAt,
      Instant createdAt,
      Optional<Instant> revokedAt,
      Optional<UUID> replacedBy) {
    public boolean isSpent() {
      return revokedAt.isPresent() || replacedBy.isPresent();
    }
  }
}
