package boxoffice.app.data;

import boxoffice.app.service.RefreshTokenRepository;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Refresh tokens in PostgreSQL. */
final class JdbiRefreshTokenRepository implements RefreshTokenRepository {
  private final RefreshTokenDao dao;

  @Inject
  JdbiRefreshTokenRepository(RefreshTokenDao dao) {
    this.dao = dao;
  }

  @Override
  public void startFamily(UUID familyId, UUID userId, Instant at) {
    dao.insertFamily(familyId, userId, at);
  }

  @Override
  public void insert(StoredRefreshToken token) {
    dao.insert(
        token.id(),
        token.userId(),
        token.familyId(),
        token.tokenHash(),
        token.expiresAt(),
        token.createdAt());
  }

  @Override
  public Optional<StoredRefreshToken> find(byte[] tokenHash) {
    return dao.find(tokenHash);
  }

  @Override
  public boolean lockFamily(UUID familyId) {
    return dao.lockFamily(familyId).orElse(false);
  }

  @Override
  public void markReplaced(UUID id, UUID replacedBy, Instant at) {
    dao.markReplaced(id, replacedBy, at);
  }

  @Override
  public int revokeFamily(UUID familyId, Instant at) {
    dao.markFamilyRevoked(familyId, at);
    return dao.revokeFamilyTokens(familyId, at);
  }

  @Override
  public int revokeAllOfUser(UUID userId, Instant at) {
    dao.lockLiveFamiliesOfUser(userId);
    dao.markFamiliesOfUserRevoked(userId, at);
    return dao.revokeTokensOfUser(userId, at);
  }
}
