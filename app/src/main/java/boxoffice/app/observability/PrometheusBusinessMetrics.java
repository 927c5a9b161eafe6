package boxoffice.app.observability;

import boxoffice.app.service.BusinessMetrics;
import boxoffice.app.service.BusinessMetrics.CheckInRefusal;
import boxoffice.app.service.BusinessMetrics.HoldStep;
import boxoffice.app.service.BusinessMetrics.WaitlistStep;
import boxoffice.platform.metrics.Counters;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.inject.Inject;
import java.util.Arrays;

/** Business counters: bookings, cancellations by cause, seats, sold-out refusals, logins. */
final class PrometheusBusinessMetrics implements BusinessMetrics {
  private final Counter bookingsCreated;
  private final Counter bookingsCancelled;
  private final Counter seatsBooked;
  private final Counter soldOut;
  private final Counter logins;
  private final Counter limitReached;
  private final Counter ticketsCancelled;
  private final Counter checkIns;
  private final Counter checkInRefusals;
  private final Counter checkInsUndone;
  private final Counter holds;
  private final Counter waitlist;

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
    limitReached =
        Counters.register(
            registry,
            "boxoffice_booking_limit_reached_total",
            "Bookings refused because the user would pass the event's tickets-per-user limit");
    ticketsCancelled =
        Counters.register(
            registry,
            "boxoffice_tickets_cancelled_total",
            "Single tickets cancelled (not whole bookings), by who cancelled (user, admin)",
            "cause",
            "user",
            "admin");
    checkIns =
        Counters.register(registry, "boxoffice_tickets_checked_in_total", "Tickets checked in");
    checkInRefusals =
        Counters.register(
            registry,
            "boxoffice_check_in_refusals_total",
            "Tickets turned away at the door, by problem code",
            "code",
            Arrays.stream(CheckInRefusal.values()).map(Enum::name).toArray(String[]::new));
    checkInsUndone =
        Counters.register(
            registry, "boxoffice_check_ins_undone_total", "Check-ins undone by door staff");
    holds =
        Counters.register(
            registry,
            "boxoffice_holds_total",
            "Holds by step: created, confirmed (became a booking), released, expired",
            "step",
            "created",
            "confirmed",
            "released",
            "expired");
    waitlist =
        Counters.register(
            registry,
            "boxoffice_waitlist_total",
            "Waiting-list entries by step: joined, offered, accepted, expired (offer lapsed), left,"
                + " closed (the event was cancelled, completed or started)",
            "step",
            Arrays.stream(WaitlistStep.values())
                .map(s -> s.name().toLowerCase(java.util.Locale.ROOT))
                .toArray(String[]::new));
  }

  @Override
  public void waitlist(WaitlistStep step, int count) {
    if (count > 0) {
      waitlist.labelValues(step.name().toLowerCase(java.util.Locale.ROOT)).inc(count);
    }
  }

  @Override
  public void hold(HoldStep step) {
    holds.labelValues(step.name().toLowerCase(java.util.Locale.ROOT)).inc();
  }

  @Override
  public void holdsExpired(int count) {
    if (count > 0) {
      holds.labelValues("expired").inc(count);
    }
  }

  @Override
  public void limitRefusal() {
    limitReached.inc();
  }

  @Override
  public void ticketCancelled(String cause) {
    ticketsCancelled.labelValues(cause).inc();
  }

  @Override
  public void ticketCheckedIn() {
    checkIns.inc();
  }

  @Override
  public void checkInRefused(CheckInRefusal code) {
    checkInRefusals.labelValues(code.name()).inc();
  }

  @Override
  public void checkInUndone() {
    checkInsUndone.inc();
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
