package boxoffice.app.service;

import boxoffice.app.domain.ForbiddenException;
import boxoffice.app.domain.Principal;
import boxoffice.app.domain.ProblemCode;

/** The one check every administrator-only use case starts with. */
final class Admins {
  private Admins() {}

  static void require(Principal principal) {
    if (!principal.isAdmin()) {
      throw new ForbiddenException(
          ProblemCode.ROLE_REQUIRED, "This operation is reserved for administrators");
    }
  }
}
