package boxoffice.app.observability;

import boxoffice.app.service.BusinessMetrics;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.inject.Inject;

/** Business counters: bookings, cancellations by cause, seats, sold-out refusals, logins. */
final class PrometheusBusinessMetrics implements BusinessMetrics {
  private final Counter bookingsCreated;
  private final Counter bookingsCancelled;
  private final Counter seatsBooked;
  private final Counter soldOut;
  private final Counter logins;

  @Inject
  PrometheusBusinessMetrics(PrometheusRegistry registry) {
    bookingsCreated =
        Counter.builder()
            .name("boxoffice_bookings_created_total")
            .help("Bookings made")
            .register(registry);
    bookingsCancelled =
        Counter.builder()
            .name("boxoffice_bookings_cancelled_total")
            .help("Bookings cancelled, by cause (user, admin, event_cancelled)")
            .labelNames("cause")
            .register(registry);
    seatsBooked =
        Counter.builder()
            .name("boxoffice_seats_booked_total")
            .help("Seats taken by bookings")
            .register(registry);
    soldOut =
        Counter.builder()
            .name("boxoffice_booking_sold_out_total")
            .help("Bookings refused because too few seats were left")
            .register(registry);
    logins =
        Counter.builder()
            .name("boxoffice_logins_total")
            .help("Password logins, by result (success, failure)")
            .labelNames("result")
            .register(registry);
    for (String cause : new String[] {"user", "admin", "event_cancelled"}) {
      bookingsCancelled.labelValues(cause);
    }
    logins.labelValues("success");
    logins.labelValues("failure");
  }

  @Override
  public void bookingCreated(int seats) {
    bookingsCreated.inc();
    seatsBooked.inc(seats);
  }

  @Override
  public void bookingsCancelled(String cause, int count) {
    bookingsCancelled.labelValues(cause).inc(count);
  }

  @Override
  public void soldOutRefusal() {
    soldOut.inc();
  }

  @Override
  public void login(boolean succeeded) {
    logins.labelValues(succeeded ? "success" : "failure").inc();
  }
}
