package boxoffice.app.service;

import boxoffice.app.domain.Credentials;
import boxoffice.app.domain.Role;
import boxoffice.app.domain.ValidationException;
import boxoffice.app.domain.Violations;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Makes sure the configured administrator exists with the configured password. Idempotent: run at
 * every start-up, it changes nothing when the account is already as configured.
 */
public final class AdminAccountProvisioner {
  private final Transactions transactions;
  private final UserRepository users;
  private final PasswordHasher hasher;

  @Inject
  public AdminAccountProvisioner(
      Transactions transactions, UserRepository users, PasswordHasher hasher) {
    this.transactions = transactions;
    this.users = users;
    this.hasher = hasher;
  }

  /** Returns what was done, for the start-up log. */
  public Outcome ensure(String rawEmail, String password) {
    String email = Credentials.normalizeEmail(rawEmail);
    Violations violations = new Violations();
    Credentials.checkEmail(violations, "admin.email", email);
    Credentials.checkPassword(violations, "admin.password", password);
    try {
      violations.throwIfAny();
    } catch (ValidationException e) {
      var first = e.violations().getFirst();
      throw new IllegalArgumentException(
          "Invalid configuration " + first.field() + ": " + first.message());
    }
    return transactions.inTransaction(() -> ensureValid(email, password));
  }

  private Outcome ensureValid(String email, String password) {
    var existing = users.findCredentialsByEmail(email);
    if (existing.isEmpty()) {
      var created =
          users.insert(
              new UserRepository.NewUser(
                  UUID.randomUUID(), email, "Administrator", Role.ADMIN, hasher.hash(password)));
      // Empty only if another instance created it concurrently; that one is as configured.
      return created.isPresent() ? Outcome.CREATED : Outcome.UNCHANGED;
    }
    var account = existing.get();
    boolean upToDate =
        account.user().role() == Role.ADMIN && hasher.matches(password, account.passwordHash());
    if (upToDate) {
      return Outcome.UNCHANGED;
    }
    users.updatePasswordAndRole(account.user().id(), hasher.hash(password), Role.ADMIN);
    return Outcome.UPDATED;
  }

  /** What {@link #ensure} did. */
  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED
  }
}
