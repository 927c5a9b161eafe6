package boxoffice.app.domain;

/** A booking holds seats while CONFIRMED; CANCELLED frees them for good. */
public enum BookingStatus {
  CONFIRMED,
  CANCELLED
}
