package boxoffice.app.service;

import boxoffice.app.domain.Role;
import boxoffice.app.domain.User;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: where accounts live. Emails are matched by {@code Credentials.emailKey}. */
public interface UserRepository {
  /** Inserts a new account; empty when the email is already taken. */
  Optional<User> insert(NewUser user);

  Optional<UserCredentials> findCredentialsByEmail(String email);

  Optional<User> findById(UUID id);

  /** Up to {@code limit} users after {@code after}, oldest first. */
  List<User> list(Optional<UserKey> after, int limit);

  void updatePasswordAndRole(UUID id, String passwordHash, Role role);

  /**
   * The ids of every administrator, their rows locked against other role changes until the
   * transaction ends. Locked in id order, so concurrent role changes queue rather than deadlock.
   */
  List<UUID> lockAdministrators();

  /** The account, its row locked against other role changes until the transaction ends. */
  Optional<User> lockById(UUID id);

  /**
   * The account as a new session starts: read under a share lock, so a role change in flight
   * commits first and the session gets the new role, or waits until the session has started and
   * then ends it.
   */
  Optional<User> findForNewSession(UUID id);

  /** Gives the account {@code role}; call with its row locked. */
  User updateRole(UUID id, Role role);

  /** An account about to be stored. */
  record NewUser(UUID id, String email, String name, Role role, String passwordHash) {}

  /** An account with its password hash, for login only. */
  record UserCredentials(User user, String passwordHash) {}
}
