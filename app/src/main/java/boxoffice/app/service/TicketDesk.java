package boxoffice.app.service;

import boxoffice.app.domain.AlreadyCheckedInException;
import boxoffice.app.domain.Booking;
import boxoffice.app.domain.CheckIn;
import boxoffice.app.domain.CheckInSummary;
import boxoffice.app.domain.ConflictException;
import boxoffice.app.domain.Event;
import boxoffice.app.domain.ForbiddenException;
import boxoffice.app.domain.NotFoundException;
import boxoffice.app.domain.Principal;
import boxoffice.app.domain.ProblemCode;
import boxoffice.app.domain.Ticket;
import boxoffice.app.domain.TicketStatus;
import boxoffice.app.service.BusinessMetrics.CheckInRefusal;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Tickets for their holders and at the door. A ticket changes status only through conditional
 * statements (VALID → USED, USED → VALID, VALID → VOID), so two scanners presenting one code at the
 * same moment, on any number of instances, admit it once.
 */
public final class TicketDesk implements TicketService {
  private final Transactions transactions;
  private final TicketRepository tickets;
  private final BookingRepository bookings;
  private final EventRepository events;
  private final TicketRules rules;
  private final Clock clock;
  private final BusinessMetrics metrics;

  @Inject
  public TicketDesk(
      Transactions transactions,
      TicketRepository tickets,
      BookingRepository bookings,
      EventRepository events,
      TicketRules rules,
      Clock clock,
      BusinessMetrics metrics) {
    this.transactions = transactions;
    this.tickets = tickets;
    this.bookings = bookings;
    this.events = events;
    this.rules = rules;
    this.clock = clock;
    this.metrics = metrics;
  }

  @Override
  public List<Ticket> ofBooking(Principal caller, UUID bookingId) {
    bookings
        .findById(bookingId)
        .filter(b -> b.isVisibleTo(caller))
        .orElseThrow(() -> new NotFoundException("No such booking"));
    return tickets.ofBooking(bookingId);
  }

  @Override
  public Ticket get(Principal caller, UUID ticketId) {
    return visible(caller, ticketId);
  }

  @Override
  public Ticket cancel(Principal caller, UUID ticketId) {
    Cancellation result = transactions.inTransaction(() -> cancelEventFirst(caller, ticketId));
    if (result.byThisRequest()) {
      metrics.ticketCancelled(result.ticket().userId().equals(caller.userId()) ? "user" : "admin");
    }
    return result.ticket();
  }

  /** A ticket after a cancel request, and whether this request is the one that voided it. */
  private record Cancellation(Ticket ticket, boolean byThisRequest) {}

  /** Locks the event row first, the order of every seat change (see SeatBookingService). */
  private Cancellation cancelEventFirst(Principal caller, UUID ticketId) {
    Ticket ticket = visible(caller, ticketId);
    if (ticket.status() == TicketStatus.VOID) {
      return new Cancellation(ticket, false);
    }
    Event event =
        events
            .findByIdForUpdate(ticket.eventId())
            .orElseThrow(() -> new NotFoundException("No such ticket"));
    Instant now = clock.instant();
    if (event.hasStarted(now)) {
      throw cancellationClosed();
    }
    Ticket current = visible(caller, ticketId); // as of the lock: seat changes of the event wait
    if (current.status() == TicketStatus.VOID) {
      return new Cancellation(current, false);
    }
    if (current.status() == TicketStatus.USED) {
      throw new ConflictException(
          ProblemCode.TICKET_USED,
          "This ticket is checked in; undo the check-in before cancelling it");
    }
    Booking booking =
        bookings
            .findById(current.bookingId())
            .orElseThrow(() -> new NotFoundException("No such ticket"));
    Optional<Ticket> voided =
        tickets.cancel(
            OutboxMessage.TicketCancelled.of(current, booking, caller.userId(), event), now);
    if (voided.isPresent()) {
      return new Cancellation(voided.get(), true);
    }
    Ticket after = visible(caller, ticketId);
    if (after.status() == TicketStatus.VOID) {
      return new Cancellation(after, false);
    }
    throw new ConflictException(
        ProblemCode.TICKET_USED, "This ticket was checked in meanwhile; undo the check-in first");
  }

  @Override
  public CheckIn checkIn(Principal staff, UUID eventId, String code) {
    Event event = doorOf(staff, eventId);
    // As PostgreSQL stores it, so the answer names the instant a second scan will be told.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    if (!rules.checkInOpen(event, now)) {
      throw refused(CheckInRefusal.CHECK_IN_CLOSED);
    }
    Ticket ticket =
        Optional.of(code)
            .filter(TicketCodes::looksLikeCode)
            .flatMap(c -> tickets.findByCode(eventId, c))
            .orElseThrow(() -> refused(CheckInRefusal.TICKET_NOT_FOUND));
    if (ticket.status() == TicketStatus.VALID
        && tickets.checkIn(OutboxMessage.TicketCheckedIn.of(ticket, staff.userId(), now))) {
      metrics.ticketCheckedIn();
      return new CheckIn(ticket.id(), ticket.bookingId(), ticket.eventId(), now);
    }
    // Used, void, or another door's scan won the race: the ticket as it is now says which.
    Ticket current = tickets.findById(ticket.id()).orElse(ticket);
    throw switch (current.status()) {
      case USED -> {
        metrics.checkInRefused(CheckInRefusal.ALREADY_CHECKED_IN);
        yield new AlreadyCheckedInException(current.checkedInAt().orElseThrow());
      }
      case VOID -> refused(CheckInRefusal.TICKET_VOID);
      case VALID -> new ConflictException(ProblemCode.SEATS_CONTENDED, "Scan the ticket again");
    };
  }

  @Override
  public void undoCheckIn(Principal staff, UUID eventId, UUID ticketId) {
    Event event = doorOf(staff, eventId);
    if (!rules.checkInOpen(event, clock.instant())) {
      throw closed();
    }
    Ticket ticket =
        tickets
            .findById(ticketId)
            .filter(t -> t.eventId().equals(eventId))
            .orElseThrow(TicketDesk::ticketNotFound);
    switch (ticket.status()) {
      case VALID -> {} // nothing to undo: DELETE is idempotent
      case VOID -> throw voidTicket();
      case USED -> {
        if (tickets.undoCheckIn(OutboxMessage.TicketCheckInUndone.of(ticket, staff.userId()))) {
          metrics.checkInUndone();
        }
      }
    }
  }

  @Override
  public CheckInSummary summary(Principal staff, UUID eventId) {
    doorOf(staff, eventId);
    return tickets.summary(eventId);
  }

  /** The event a door scanner works at; only staff and administrators may scan. */
  private Event doorOf(Principal staff, UUID eventId) {
    if (!staff.mayCheckIn()) {
      throw new ForbiddenException(
          ProblemCode.ROLE_REQUIRED, "Only door staff and administrators may check tickets in");
    }
    return events.findById(eventId).orElseThrow(() -> new NotFoundException("No such event"));
  }

  private RuntimeException refused(CheckInRefusal refusal) {
    metrics.checkInRefused(refusal);
    return switch (refusal) {
      case CHECK_IN_CLOSED -> closed();
      case TICKET_NOT_FOUND -> ticketNotFound();
      case TICKET_VOID -> voidTicket();
      case ALREADY_CHECKED_IN -> throw new IllegalArgumentException("carries a time: not here");
    };
  }

  private static ConflictException closed() {
    return new ConflictException(
        ProblemCode.CHECK_IN_CLOSED,
        "Check-in is open from shortly before the event starts until it ends");
  }

  private static NotFoundException ticketNotFound() {
    return new NotFoundException(
        ProblemCode.TICKET_NOT_FOUND, "There is no such ticket for this event");
  }

  private static ConflictException voidTicket() {
    return new ConflictException(ProblemCode.TICKET_VOID, "This ticket was cancelled");
  }

  private static ConflictException cancellationClosed() {
    return new ConflictException(
        ProblemCode.CANCELLATION_CLOSED,
        "The event has started; tickets can no longer be cancelled");
  }

  /** Another user's ticket is reported as absent, not forbidden. */
  private Ticket visible(Principal caller, UUID ticketId) {
    return tickets
        .findById(ticketId)
        .filter(t -> t.isVisibleTo(caller))
        .orElseThrow(() -> new NotFoundException("No such ticket"));
  }
}
