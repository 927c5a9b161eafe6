package boxoffice.app.security;

import boxoffice.app.service.PasswordHasher;
import org.mindrot.jbcrypt.BCrypt;

/** bcrypt with a configurable cost (work factor). */
final class BcryptPasswordHasher implements PasswordHasher {
  private final int cost;

  BcryptPasswordHasher(int cost) {
    this.cost = cost;
  }

  @Override
  public String hash(String password) {
    return BCrypt.hashpw(password, BCrypt.gensalt(cost));
  }

  @Override
  public boolean matches(String password, String hash) {
    try {
      return BCrypt.checkpw(password, hash);
    } catch (IllegalArgumentException e) {
      // A stored value that is not a bcrypt hash never matches.
      return false;
    }
  }
}
