package boxoffice.app.domain;

/** Where a hold is in its life: ACTIVE until confirmed, released or past its deadline. */
public enum HoldStatus {
  ACTIVE,
  CONFIRMED,
  RELEASED,
  EXPIRED
}
