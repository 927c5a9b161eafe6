package boxoffice.app.service;

import boxoffice.app.domain.Principal;
import boxoffice.app.domain.User;

/** Reading accounts. */
public interface UserService {
  User me(Principal principal);

  Page<User> list(Principal principal, PageRequest<UserKey> page);
}
