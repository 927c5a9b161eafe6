package boxoffice.app.domain;

import java.util.UUID;

/** The authenticated caller of a request, as proven by an access token. */
public record Principal(UUID userId, Role role) {
  public boolean isAdmin() {
    return role == Role.ADMIN;
  }
}
