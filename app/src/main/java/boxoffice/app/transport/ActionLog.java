package boxoffice.app.transport;

import static net.logstash.logback.argument.StructuredArguments.kv;

import boxoffice.app.domain.Booking;
import boxoffice.app.domain.CheckIn;
import boxoffice.app.domain.Hold;
import boxoffice.app.domain.Role;
import boxoffice.app.domain.Ticket;
import boxoffice.app.domain.WaitlistEntry;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Key user actions, one JSON line each under the logger {@code boxoffice.actions}: what was done
 * and to what. Identifiers only: never e-mail addresses, passwords or tokens. Who did it ({@code
 * userId}), {@code requestId} and {@code traceId} come from the logging context, as on every line
 * of the request.
 */
final class ActionLog {
  private static final Logger LOG = LoggerFactory.getLogger("boxoffice.actions");

  private ActionLog() {}

  /**
   * Registration and login happen before the caller is known; from here on the request is theirs.
   */
  static void registered(UUID userId) {
    MDC.put(AuthMiddleware.MDC_KEY, userId.toString());
    LOG.info("{}", kv("action", "user.registered"));
  }

  static void loggedIn(UUID userId) {
    MDC.put(AuthMiddleware.MDC_KEY, userId.toString());
    LOG.info("{}", kv("action", "user.logged_in"));
  }

  static void booked(Booking booking) {
    LOG.info(
        "{} {} {} {}",
        kv("action", "booking.created"),
        kv("bookingId", booking.id()),
        kv("eventId", booking.eventId()),
        kv("seats", booking.quantity()));
  }

  static void held(Hold hold) {
    LOG.info(
        "{} {} {} {}",
        kv("action", "hold.created"),
        kv("holdId", hold.id()),
        kv("eventId", hold.eventId()),
        kv("seats", hold.quantity()));
  }

  static void joinedWaitlist(WaitlistEntry entry) {
    LOG.info(
        "{} {} {} {}",
        kv("action", "waitlist.joined"),
        kv("entryId", entry.id()),
        kv("eventId", entry.eventId()),
        kv("seats", entry.quantity()));
  }

  static void leftWaitlist(UUID entryId) {
    LOG.info("{} {}", kv("action", "waitlist.left"), kv("entryId", entryId));
  }

  static void holdReleased(UUID holdId) {
    LOG.info("{} {}", kv("action", "hold.released"), kv("holdId", holdId));
  }

  static void cancelled(Booking booking) {
    LOG.info(
        "{} {} {}",
        kv("action", "booking.cancelled"),
        kv("bookingId", booking.id()),
        kv("eventId", booking.eventId()));
  }

  static void ticketCancelled(Ticket ticket) {
    LOG.info(
        "{} {} {} {}",
        kv("action", "ticket.cancelled"),
        kv("ticketId", ticket.id()),
        kv("bookingId", ticket.bookingId()),
        kv("eventId", ticket.eventId()));
  }

  /** A ticket admitted at the door; never its code. */
  static void checkedIn(CheckIn checkIn) {
    LOG.info(
        "{} {} {}",
        kv("action", "ticket.checked_in"),
        kv("ticketId", checkIn.ticketId()),
        kv("eventId", checkIn.eventId()));
  }

  static void checkInUndone(UUID eventId, UUID ticketId) {
    LOG.info(
        "{} {} {}",
        kv("action", "ticket.check_in_undone"),
        kv("ticketId", ticketId),
        kv("eventId", eventId));
  }

  /** An administrator's change to an event: {@code event.created}, {@code event.deleted}, … */
  static void eventChanged(String action, UUID eventId) {
    LOG.info("{} {}", kv("action", action), kv("eventId", eventId));
  }

  /** An administrator gave the account {@code targetId} another role. */
  static void roleChanged(UUID targetId, Role oldRole, Role newRole) {
    LOG.info(
        "{} {} {} {}",
        kv("action", "user.role_changed"),
        kv("targetUserId", targetId),
        kv("oldRole", oldRole.name()),
        kv("newRole", newRole.name()));
  }
}
