package boxoffice.app.service;

import boxoffice.app.domain.ForbiddenException;
import boxoffice.app.domain.NotFoundException;
import boxoffice.app.domain.Principal;
import boxoffice.app.domain.ProblemCode;
import boxoffice.app.domain.User;
import jakarta.inject.Inject;

/** Reads accounts for their owners and for administrators. */
public final class UserDirectory implements UserService {
  private final UserRepository users;

  @Inject
  public UserDirectory(UserRepository users) {
    this.users = users;
  }

  @Override
  public User me(Principal principal) {
    // A valid token whose account was removed since it was issued.
    return users
        .findById(principal.userId())
        .orElseThrow(() -> new NotFoundException("The account no longer exists"));
  }

  @Override
  public Page<User> list(Principal principal, PageRequest<UserKey> page) {
    if (!principal.isAdmin()) {
      throw new ForbiddenException(ProblemCode.ROLE_REQUIRED, "Only administrators may list users");
    }
    return Page.fromOverfetch(users.list(page.after(), page.limit() + 1), page.limit());
  }
}
