package boxoffice.app.domain;

/**
 * What a signed-in account may do. There is no public way to become {@link #STAFF} or {@link
 * #ADMIN}: an administrator assigns roles, and the first administrator comes from configuration.
 */
public enum Role {
  USER,
  /** Checks tickets in at the door; beyond that, exactly what a {@link #USER} may do. */
  STAFF,
  ADMIN
}
