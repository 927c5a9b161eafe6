package boxoffice.app.service;

/** Port: one-way password hashing. */
public interface PasswordHasher {
  String hash(String password);

  boolean matches(String password, String hash);
}
