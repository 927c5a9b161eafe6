package boxoffice.app.service;

import boxoffice.app.domain.ConflictException;
import boxoffice.app.domain.ForbiddenException;
import boxoffice.app.domain.NotFoundException;
import boxoffice.app.domain.Principal;
import boxoffice.app.domain.ProblemCode;
import boxoffice.app.domain.Role;
import boxoffice.app.domain.User;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Role changes by administrators, never leaving the service without one.
 *
 * <p>Why lock the administrators' rows rather than one conditional {@code UPDATE ... WHERE (SELECT
 * count(*) FROM users WHERE role = 'ADMIN') > 1}: under READ COMMITTED two such statements demoting
 * two different administrators each count both in their own snapshot and touch different rows, so
 * both succeed and none is left. Locking every administrator row ({@code FOR NO KEY UPDATE}, in id
 * order) makes concurrent role changes run one after the other: the second one's lock waits for the
 * first to commit, then re-reads the rows and no longer sees the demoted one. The count it makes is
 * never too high; at worst an administrator promoted by a transaction that committed meanwhile is
 * not counted, and the demotion is refused when it could have gone through, never the reverse.
 *
 * <p>The same lock re-checks the caller: an administrator demoted a moment ago still holds an
 * access token saying ADMIN until every instance has read the revocation, and must not use it to
 * change roles (least of all to promote themselves back).
 */
public final class RoleAssignments implements RoleService {
  private final Transactions transactions;
  private final UserRepository users;
  private final RefreshTokenRepository refreshTokens;
  private final Outbox outbox;
  private final Clock clock;

  @Inject
  public RoleAssignments(
      Transactions transactions,
      UserRepository users,
      RefreshTokenRepository refreshTokens,
      Outbox outbox,
      Clock clock) {
    this.transactions = transactions;
    this.users = users;
    this.refreshTokens = refreshTokens;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Override
  public RoleChange assign(Principal admin, UUID userId, Role role) {
    Objects.requireNonNull(role, "role");
    Admins.require(admin);
    return transactions.inTransaction(() -> assignLocked(admin, userId, role));
  }

  private RoleChange assignLocked(Principal admin, UUID userId, Role role) {
    List<UUID> admins = users.lockAdministrators();
    User target =
        users.lockById(userId).orElseThrow(() -> new NotFoundException("No such account"));
    boolean demotesAnAdmin = target.role() == Role.ADMIN && role != Role.ADMIN;
    if (demotesAnAdmin && admins.size() <= 1) {
      throw new ConflictException(
          ProblemCode.LAST_ADMIN, "The last administrator cannot be given another role");
    }
    if (!admins.contains(admin.userId())) {
      throw new ForbiddenException(
          ProblemCode.ROLE_REQUIRED, "This operation is reserved for administrators");
    }
    if (target.role() == role) {
      return new RoleChange(target, role);
    }
    // Sessions first: a refresh in flight finishes (its tokens are then revoked with the rest) or
    // waits and finds its session ended, so no refresh issues a token with the old role after the
    // change. The role update's trigger then revokes the access tokens issued up to now.
    refreshTokens.revokeAllOfUser(userId, clock.instant());
    User updated = users.updateRole(userId, role);
    outbox.record(OutboxMessage.UserRoleChanged.of(userId, admin.userId(), target.role(), role));
    return new RoleChange(updated, target.role());
  }
}
