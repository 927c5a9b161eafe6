package boxoffice.app.transport;

import boxoffice.app.domain.AuthenticationException;
import boxoffice.app.domain.ForbiddenException;
import boxoffice.app.domain.Principal;
import boxoffice.app.domain.ProblemCode;
import boxoffice.app.service.AuthService;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import jakarta.inject.Inject;
import java.util.Optional;
import org.slf4j.MDC;

/** Turns a Bearer token into the request's {@link Principal} and enforces each route's access. */
final class AuthMiddleware {
  static final String MDC_KEY = "userId";
  private static final String ATTRIBUTE = "boxoffice.principal";
  private static final String BEARER = "Bearer ";

  private final AuthService auth;

  @Inject
  AuthMiddleware(AuthService auth) {
    this.auth = auth;
  }

  /**
   * The route's handler behind its access rule. The rule is known when the route is registered, so
   * nothing needs to be looked up per request.
   */
  Handler wrap(Access access, Handler handler) {
    return ctx -> {
      authorize(ctx, access);
      handler.handle(ctx);
    };
  }

  private void authorize(Context ctx, Access access) {
    Optional<Principal> principal = principalOf(ctx.header("Authorization"));
    principal.ifPresent(
        p -> {
          ctx.attribute(ATTRIBUTE, p);
          MDC.put(MDC_KEY, p.userId().toString());
        });
    if (access == Access.PUBLIC) {
      return;
    }
    Principal caller =
        principal.orElseThrow(
            () -> new AuthenticationException("A valid Bearer access token is required"));
    if (access == Access.ADMIN && !caller.isAdmin()) {
      throw new ForbiddenException(
          ProblemCode.ROLE_REQUIRED, "This operation is reserved for administrators");
    }
  }

  /** Missing header: anonymous. A header that is present but invalid is always refused. */
  private Optional<Principal> principalOf(String header) {
    if (header == null) {
      return Optional.empty();
    }
    if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new AuthenticationException("The Authorization header must be 'Bearer <token>'");
    }
    Optional<Principal> principal = auth.authenticate(header.substring(BEARER.length()).strip());
    if (principal.isEmpty()) {
      throw new AuthenticationException("The access token is invalid or expired");
    }
    return principal;
  }

  /** The authenticated caller; only call on routes that require a signed-in account. */
  static Principal principal(Context ctx) {
    Principal principal = ctx.attribute(ATTRIBUTE);
    if (principal == null) {
      throw new AuthenticationException("A valid Bearer access token is required");
    }
    return principal;
  }

  static Optional<Principal> optionalPrincipal(Context ctx) {
    return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
  }
}
