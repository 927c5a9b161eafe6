package boxoffice.app.transport;

import boxoffice.app.domain.Role;
import boxoffice.app.domain.User;
import boxoffice.app.service.TokenPair;
import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiExample;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiPropertyType;
import io.javalin.openapi.OpenApiRequired;
import java.time.Instant;
import java.util.UUID;

/** Request and response bodies of the auth and user endpoints. */
final class AuthDtos {
  private AuthDtos() {}

  /** Sign-up request. */
  record RegisterRequest(
      @OpenApiRequired @OpenApiExample("ada@example.org") String email,
      @OpenApiRequired @OpenApiDescription("8 to 72 bytes of UTF-8") String password,
      @OpenApiRequired @OpenApiExample("Ada Lovelace") String name) {
    @Override
    public String toString() {
      return "RegisterRequest[email=" + email + "]";
    }
  }

  /** Password login request. */
  record LoginRequest(@OpenApiRequired String email, @OpenApiRequired String password) {
    @Override
    public String toString() {
      return "LoginRequest[email=" + email + "]";
    }
  }

  /** Refresh or logout request. */
  record RefreshRequest(@OpenApiRequired String refreshToken) {
    @Override
    public String toString() {
      return "RefreshRequest[***]";
    }
  }

  /** A token pair. */
  record TokenResponse(
      String accessToken,
      String refreshToken,
      @OpenApiExample("Bearer") String tokenType,
      @OpenApiDescription("Lifetime of the access token in seconds") long expiresIn) {
    static TokenResponse of(TokenPair pair) {
      return new TokenResponse(
          pair.accessToken(), pair.refreshToken(), "Bearer", pair.accessTokenTtl().toSeconds());
    }
  }

  /** An account as its owner and administrators see it. */
  record UserResponse(
      UUID id,
      String email,
      String name,
      @OpenApiPropertyType(definedBy = Role.class) String role,
      Instant createdAt) {
    static UserResponse of(User user) {
      return new UserResponse(
          user.id(), user.email(), user.name(), user.role().name(), user.createdAt());
    }
  }

  /** A role assignment. */
  record RoleRequest(
      @OpenApiRequired @OpenApiPropertyType(definedBy = Role.class) @OpenApiExample("STAFF")
          String role) {}

  /** A page of accounts. */
  record UserPage(java.util.List<UserResponse> items, @OpenApiNullable String nextCursor) {}
}
