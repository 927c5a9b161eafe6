package boxoffice.app.domain;

/** What a signed-in account may do. There is no public way to become {@link #ADMIN}. */
public enum Role {
  USER,
  /** Door staff: may check tickets in, and otherwise do what a user may. */
  STAFF,
  ADMIN
}
