package boxoffice.app.service;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: refresh tokens by their SHA-256 hash. A family is the chain of tokens rotated out of one
 * login.
 */
public interface RefreshTokenRepository {
  void insert(StoredRefreshToken token);

  /** Finds a token and locks it until the transaction ends, so two refreshes cannot both win. */
  Optional<StoredRefreshToken> findForUpdate(byte[] tokenHash);

  Optional<UUID> findFamily(byte[] tokenHash);

  void markReplaced(UUID id, UUID replacedBy, Instant at);

  /** Revokes every live token of the family; returns how many were revoked. */
  int revokeFamily(UUID familyId, Instant at);

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
