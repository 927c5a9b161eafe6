package boxoffice.notification.service;

import boxoffice.notification.service.EmailContent.Changed;
import boxoffice.notification.service.EmailContent.Detail;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Words of each email: subject, lead sentence, the facts and what changed. */
final class EmailComposer {
  private static final String CLOSING = "The Boxoffice team";

  private final DateTimeFormatter times;

  EmailComposer(ZoneId zone) {
    this.times =
        DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", Locale.ENGLISH).withZone(zone);
  }

  /** An instant as shown in emails, with its zone: "Mon 1 Mar 2027, 19:00 UTC". */
  String time(Instant instant) {
    return times.format(instant);
  }

  /** The confirmation of a booking, listing {@code tickets} (none for a version 1 message). */
  EmailContent bookingConfirmed(BookingCreated booking, List<TicketCode> tickets, Recipient to) {
    return new EmailContent(
        "Booking confirmed: " + booking.eventTitle(),
        greeting(to),
        "Your booking for " + booking.eventTitle() + " is confirmed.",
        bookingDetails(booking),
        List.of(),
        tickets,
        CLOSING);
  }

  EmailContent bookingCancelled(BookingCancelled booking, Recipient to) {
    String title = booking.eventTitle();
    String subject;
    String lead;
    switch (booking.cause()) {
      case USER -> {
        subject = "Booking cancelled: " + title;
        lead = "Your booking for " + title + " has been cancelled, as you asked.";
      }
      case ADMIN -> {
        subject = "Booking cancelled: " + title;
        lead = "Your booking for " + title + " has been cancelled by the Boxoffice team.";
      }
      case EVENT_CANCELLED -> {
        subject = "Event cancelled: " + title;
        lead =
            "We are sorry: "
                + title
                + " has been cancelled, and your booking for it is cancelled too.";
      }
      default -> throw new IllegalStateException("unhandled cause " + booking.cause());
    }
    return new EmailContent(
        subject, greeting(to), lead, bookingDetails(booking), List.of(), List.of(), CLOSING);
  }

  EmailContent ticketCancelled(TicketCancelled ticket, Recipient to) {
    String title = ticket.eventTitle();
    String cancelled =
        "One ticket of your booking "
            + ticket.bookingId()
            + " for "
            + title
            + " has been cancelled"
            + switch (ticket.cause()) {
              case USER -> ", as you asked.";
              case ADMIN -> " by the Boxoffice team.";
            };
    int left = ticket.remainingQuantity();
    String remaining =
        switch (left) {
          case 0 -> " It was the last ticket of the booking, so the booking is now cancelled.";
          case 1 -> " 1 ticket of the booking remains valid.";
          default -> " " + left + " tickets of the booking remain valid.";
        };
    return new EmailContent(
        "Ticket cancelled: " + title,
        greeting(to),
        cancelled + remaining,
        List.of(
            new Detail("Event", title),
            new Detail("When", time(ticket.startsAt())),
            new Detail("Venue", ticket.venue()),
            new Detail("Ticket", ticket.ticketId().toString()),
            new Detail("Tickets left", Integer.toString(left)),
            new Detail("Booking", ticket.bookingId().toString())),
        List.of(),
        List.of(),
        CLOSING);
  }

  EmailContent eventRescheduled(EventRescheduled event, Recipient to) {
    EventChanges changes = event.changes();
    String what;
    if (changes.timeChanged() && changes.venue().isPresent()) {
      what = "Event rescheduled and moved: ";
    } else if (changes.timeChanged()) {
      what = "Event rescheduled: ";
    } else {
      what = "Event moved: ";
    }
    List<Changed> changed = new ArrayList<>();
    changes
        .startsAt()
        .ifPresent(c -> changed.add(new Changed("Starts", time(c.before()), time(c.after()))));
    changes
        .endsAt()
        .ifPresent(c -> changed.add(new Changed("Ends", time(c.before()), time(c.after()))));
    changes.venue().ifPresent(c -> changed.add(new Changed("Venue", c.before(), c.after())));
    return new EmailContent(
        what + event.eventTitle(),
        greeting(to),
        event.eventTitle()
            + ", for which you hold tickets, has changed. Your tickets remain valid for the new"
            + " date and place.",
        List.of(new Detail("Event", event.eventTitle())),
        changed,
        List.of(),
        CLOSING);
  }

  private List<Detail> bookingDetails(BookedSeats booking) {
    return List.of(
        new Detail("Event", booking.eventTitle()),
        new Detail("When", time(booking.startsAt())),
        new Detail("Venue", booking.venue()),
        new Detail("Tickets", Integer.toString(booking.quantity())),
        new Detail("Booking", booking.bookingId().toString()));
  }

  private static String greeting(Recipient to) {
    return "Hello " + to.name() + ",";
  }
}
