package boxoffice.app.data;

import boxoffice.app.domain.Credentials;
import boxoffice.app.domain.Role;
import boxoffice.app.domain.User;
import boxoffice.app.service.UserKey;
import boxoffice.app.service.UserRepository;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Accounts in PostgreSQL, unique and found by {@link Credentials#emailKey} of their email. */
final class JdbiUserRepository implements UserRepository {
  private final UserDao dao;

  @Inject
  JdbiUserRepository(UserDao dao) {
    this.dao = dao;
  }

  @Override
  public Optional<User> insert(NewUser user) {
    return dao.insert(
        user.id(),
        user.email(),
        Credentials.emailKey(user.email()),
        user.name(),
        user.role().name(),
        user.passwordHash());
  }

  @Override
  public Optional<UserCredentials> findCredentialsByEmail(String email) {
    return dao.findCredentialsByEmailKey(Credentials.emailKey(email));
  }

  @Override
  public Optional<User> findById(UUID id) {
    return dao.findById(id);
  }

  @Override
  public List<User> list(Optional<UserKey> after, int limit) {
    return after
        .map(key -> dao.after(key.createdAt(), key.id(), limit))
        .orElseGet(() -> dao.first(limit));
  }

  @Override
  public void updatePasswordAndRole(UUID id, String passwordHash, Role role) {
    dao.updatePasswordAndRole(id, passwordHash, role.name());
  }

  @Override
  public List<UUID> lockAdministrators() {
    return dao.lockAdministrators();
  }

  @Override
  public Optional<User> lockById(UUID id) {
    return dao.lockById(id);
  }

  @Override
  public Optional<User> findForNewSession(UUID id) {
    return dao.findForShare(id);
  }

  @Override
  public User updateRole(UUID id, Role role) {
    return dao.updateRole(id, role.name())
        .orElseThrow(() -> new IllegalStateException("user " + id + " vanished while locked"));
  }
}
