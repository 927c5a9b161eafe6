package boxoffice.app.service;

import boxoffice.app.domain.Principal;
import boxoffice.app.domain.User;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** Port: signed, short-lived access tokens. */
public interface TokenIssuer {
  /** An access token of {@code user} in the login session {@code sessionId}. */
  String issue(User user, UUID sessionId);

  Duration accessTokenTtl();

  /** The principal of a valid token; empty for any invalid, expired or foreign token. */
  Optional<Principal> verify(String token);
}
