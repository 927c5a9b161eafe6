package boxoffice.app.service;

import boxoffice.app.domain.Principal;
import boxoffice.app.domain.Role;
import java.util.UUID;

/** Administrators giving accounts their roles. */
public interface RoleService {
  /**
   * Gives the account {@code role}, ending its sessions when the role changes; asking for the role
   * it has changes nothing.
   *
   * @throws boxoffice.app.domain.NotFoundException for an unknown account
   * @throws boxoffice.app.domain.ConflictException {@code LAST_ADMIN} when no administrator would
   *     be left
   * @throws boxoffice.app.domain.ForbiddenException when the caller is not an administrator
   */
  RoleChange assign(Principal admin, UUID userId, Role role);
}
