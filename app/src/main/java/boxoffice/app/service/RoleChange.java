package boxoffice.app.service;

import boxoffice.app.domain.Role;
import boxoffice.app.domain.User;

/** The outcome of a role assignment: the account as it is now, and the role it had before. */
public record RoleChange(User user, Role oldRole) {
  /** False when the account already had the role: nothing was written. */
  public boolean changed() {
    return user.role() != oldRole;
  }
}
