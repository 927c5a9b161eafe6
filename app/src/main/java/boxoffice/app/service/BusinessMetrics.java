package boxoffice.app.service;

/** Port: counts what the business cares about. Called after the change has committed. */
public interface BusinessMetrics {
  void bookingCreated(int seats);

  /** {@code cause}: who cancelled, e.g. "user" or "event_cancelled". */
  void bookingsCancelled(String cause, int count);

  void soldOutRefusal();

  void login(boolean succeeded);
}
