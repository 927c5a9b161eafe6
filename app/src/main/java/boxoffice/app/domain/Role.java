package boxoffice.app.domain;

/** What a signed-in account may do. There is no public way to become {@link #ADMIN}. */
public enum Role {
  USER,
  ADMIN
}
