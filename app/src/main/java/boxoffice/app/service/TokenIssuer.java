package boxoffice.app.service;

import boxoffice.app.domain.Principal;
import boxoffice.app.domain.User;
import java.time.Duration;
import java.util.Optional;

/** Port: signed, short-lived access tokens. */
public interface TokenIssuer {
  String issue(User user);

  Duration accessTokenTtl();

  /** The principal of a valid token; empty for any invalid, expired or foreign token. */
  Optional<Principal> verify(String token);
}
