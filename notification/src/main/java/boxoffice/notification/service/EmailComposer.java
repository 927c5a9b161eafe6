package boxoffice.notification.service;

import boxoffice.notification.service.EmailContent.Changed;
import boxoffice.notification.service.EmailContent.Detail;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Words of each email: subject, lead sentence, the facts and what changed, with every time shown in
 * one zone (the event's, or the service's configured zone).
 */
final class EmailComposer {
  private static final String CLOSING = "The Boxoffice team";

  private final ZoneId zone;
  private final DateTimeFormatter times;

  EmailComposer(ZoneId zone) {
    this.zone = zone;
    this.times =
        DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", Locale.ENGLISH).withZone(zone);
  }

  /**
   * An instant as shown in emails, with its zone's abbreviation and, when that does not already say
   * it, the zone's name: "Mon 1 Mar 2027, 19:00 UTC", "Sat 6 Mar 2027, 20:00 CET (Europe/Berlin)".
   */
  String time(Instant instant) {
    String shown = times.format(instant);
    return shown.endsWith(" " + zone.getId()) ? shown : shown + " (" + zone.getId() + ")";
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

  /** Seats held for a user of the waiting list, to be confirmed before the offer ends. */
  EmailContent waitlistOffered(WaitlistOffered offer, Recipient to) {
    String title = offer.eventTitle();
    boolean one = offer.quantity() == 1;
    String deadline = time(offer.offerExpiresAt());
    return new EmailContent(
        (one ? "A seat is yours: " : offer.quantity() + " seats are yours: ") + title,
        greeting(to),
        "Good news: "
            + seats(offer.quantity())
            + " for "
            + title
            + (one ? " has come free and is" : " have come free and are")
            + " held for you until "
            + deadline
            + ". Confirm "
            + (one ? "it" : "them")
            + " before then with POST /api/v1/holds/"
            + offer.holdId()
            + "/confirm, or "
            + (one ? "it passes" : "they pass")
            + " to the next person on the waiting list.",
        waitlistDetails(
            offer,
            new Detail("Held until", deadline),
            new Detail("Hold", offer.holdId().toString())),
        List.of(),
        List.of(),
        CLOSING);
  }

  EmailContent waitlistOfferExpired(WaitlistOfferExpired expired, Recipient to) {
    String title = expired.eventTitle();
    boolean one = expired.quantity() == 1;
    return new EmailContent(
        "Your offer expired: " + title,
        greeting(to),
        "The "
            + seats(expired.quantity())
            + " held for you for "
            + title
            + (one ? " was" : " were")
            + " not confirmed in time and"
            + (one ? " has" : " have")
            + " been passed on to the next person on the waiting list. You are no longer on the"
            + " waiting list for "
            + title
            + "; you are welcome to join it again.",
        waitlistDetails(expired, new Detail("Hold", expired.holdId().toString())),
        List.of(),
        List.of(),
        CLOSING);
  }

  EmailContent waitlistLeft(WaitlistLeft left, Recipient to) {
    String title = left.eventTitle();
    return new EmailContent(
        "You left the waiting list: " + title,
        greeting(to),
        "You have left the waiting list for "
            + title
            + ", where you were waiting for "
            + seats(left.quantity())
            + ". You will not be offered seats for it; you are welcome to join the list again"
            + " while it is open.",
        waitlistDetails(left),
        List.of(),
        List.of(),
        CLOSING);
  }

  EmailContent waitlistClosed(WaitlistClosed closed, Recipient to) {
    String title = closed.eventTitle();
    String subject =
        switch (closed.cause()) {
          case EVENT_CANCELLED -> "Event cancelled: " + title;
          case EVENT_COMPLETED, EVENT_STARTED -> "Waiting list closed: " + title;
        };
    String lead =
        switch (closed.cause()) {
          case EVENT_CANCELLED ->
              "We are sorry: "
                  + title
                  + " has been cancelled, so your place on its waiting list has ended.";
          case EVENT_COMPLETED ->
              "The waiting list for "
                  + title
                  + " has closed, as the event is over; your place on it has ended.";
          case EVENT_STARTED ->
              "The waiting list for "
                  + title
                  + " has closed, as the event has started: no more seats will be offered, and"
                  + " your place on the list has ended.";
        };
    return new EmailContent(
        subject, greeting(to), lead, waitlistDetails(closed), List.of(), List.of(), CLOSING);
  }

  private List<Detail> waitlistDetails(WaitlistEntry entry, Detail... more) {
    List<Detail> details = new ArrayList<>();
    details.add(new Detail("Event", entry.eventTitle()));
    details.add(new Detail("When", time(entry.startsAt())));
    details.add(new Detail("Venue", entry.venue()));
    details.add(new Detail("Seats", Integer.toString(entry.quantity())));
    details.addAll(List.of(more));
    return details;
  }

  /** "1 seat", "3 seats". */
  private static String seats(int quantity) {
    return quantity == 1 ? "1 seat" : quantity + " seats";
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
