package boxoffice.app.service;

import boxoffice.app.domain.Principal;
import boxoffice.app.domain.User;
import java.util.Optional;

/** Accounts and sessions: sign-up, password login, token refresh and logout. */
public interface AuthService {
  User register(RegisterCommand command);

  TokenPair login(LoginCommand command);

  /** Spends {@code refreshToken} and returns a new pair; a spent token revokes its family. */
  TokenPair refresh(String refreshToken);

  /** Revokes the session family of {@code refreshToken}; unknown tokens are ignored. */
  void logout(String refreshToken);

  /** The caller proven by an access token, if the token is valid. */
  Optional<Principal> authenticate(String accessToken);
}
