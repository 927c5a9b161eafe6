package boxoffice.app.observability;

import boxoffice.app.service.BusinessMetrics;
import boxoffice.platform.metrics.Counters;
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
        Counters.register(registry, "boxoffice_bookings_created_total", "Bookings made");
    bookingsCancelled =
        Counters.register(
            registry,
            "boxoffice_bookings_cancelled_total",
            "Bookings cancelled, by cause (user, admin, event_cancelled)",
            "cause",
            "user",
            "admin",
            "event_cancelled");
    seatsBooked =
        Counters.register(registry, "boxoffice_seats_booked_total", "Seats taken by bookings");
    soldOut =
        Counters.register(
            registry,
            "boxoffice_booking_sold_out_total",
            "Bookings refused because too few seats were left");
    logins =
        Counters.register(
            registry,
            "boxoffice_logins_total",
            "Password logins, by result (success, failure)",
            "result",
            "success",
            "failure");
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
