package boxoffice.app.service;

import boxoffice.app.domain.Booking;
import boxoffice.app.domain.Event;
import boxoffice.app.domain.EventStatus;
import boxoffice.app.domain.Role;
import boxoffice.app.domain.Ticket;
import boxoffice.app.domain.WaitlistEntry;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One change for later delivery to the audit log and notifications: one record per {@link
 * ChangeType}, with typed fields. How each becomes a stored payload is decided in one place, behind
 * {@link OutboxEncoding}.
 */
public sealed interface OutboxMessage {
  /** The message's own id: unique, kept through redeliveries (the consumers' idempotency key). */
  UUID id();

  default ChangeType type() {
    return switch (this) {
      case UserRegistered m -> ChangeType.USER_REGISTERED;
      case LoginSucceeded m -> ChangeType.LOGIN_SUCCEEDED;
      case LoginFailed m -> ChangeType.LOGIN_FAILED;
      case UserRoleChanged m -> ChangeType.USER_ROLE_CHANGED;
      case EventCreated m -> ChangeType.EVENT_CREATED;
      case EventUpdated m -> ChangeType.EVENT_UPDATED;
      case EventStatusChanged m -> ChangeType.EVENT_STATUS_CHANGED;
      case EventDeleted m -> ChangeType.EVENT_DELETED;
      case BookingCreated m -> ChangeType.BOOKING_CREATED;
      case BookingCancelled m -> ChangeType.BOOKING_CANCELLED;
      case CommentDeletedByAdmin m -> ChangeType.COMMENT_DELETED_BY_ADMIN;
      case TicketCancelled m -> ChangeType.TICKET_CANCELLED;
      case TicketCheckedIn m -> ChangeType.TICKET_CHECKED_IN;
      case TicketCheckInUndone m -> ChangeType.TICKET_CHECK_IN_UNDONE;
      case WaitlistJoined m -> ChangeType.WAITLIST_JOINED;
      case WaitlistOffered m -> ChangeType.WAITLIST_OFFERED;
      case WaitlistAccepted m -> ChangeType.WAITLIST_ACCEPTED;
      case WaitlistOfferExpired m -> ChangeType.WAITLIST_OFFER_EXPIRED;
      case WaitlistLeft m -> ChangeType.WAITLIST_LEFT;
      case WaitlistClosed m -> ChangeType.WAITLIST_CLOSED;
    };
  }

  /** The user, event, booking or comment the change belongs to. */
  default UUID aggregateId() {
    return switch (this) {
      case UserRegistered m -> m.userId();
      case LoginSucceeded m -> m.userId();
      case LoginFailed m -> m.accountId();
      case UserRoleChanged m -> m.userId();
      case EventCreated m -> m.event().id();
      case EventUpdated m -> m.eventId();
      case EventStatusChanged m -> m.event().id();
      case EventDeleted m -> m.event().id();
      case BookingCreated m -> m.bookingId();
      case BookingCancelled m -> m.bookingId();
      case CommentDeletedByAdmin m -> m.commentId();
      case TicketCancelled m -> m.ticketId();
      case TicketCheckedIn m -> m.ticketId();
      case TicketCheckInUndone m -> m.ticketId();
      case WaitlistJoined m -> m.entryId();
      case WaitlistOffered m -> m.entryId();
      case WaitlistAccepted m -> m.entryId();
      case WaitlistOfferExpired m -> m.entryId();
      case WaitlistLeft m -> m.entryId();
      case WaitlistClosed m -> m.entryId();
    };
  }

  /** Who made the change; empty when nobody known did (a failed login). */
  default Optional<UUID> actorId() {
    return switch (this) {
      case UserRegistered m -> Optional.of(m.userId());
      case LoginSucceeded m -> Optional.of(m.userId());
      case LoginFailed m -> Optional.empty();
      case UserRoleChanged m -> Optional.of(m.adminId());
      case EventCreated m -> Optional.of(m.adminId());
      case EventUpdated m -> Optional.of(m.adminId());
      case EventStatusChanged m -> Optional.of(m.adminId());
      case EventDeleted m -> Optional.of(m.adminId());
      case BookingCreated m -> Optional.of(m.userId());
      case BookingCancelled m -> Optional.of(m.cancelledBy());
      case CommentDeletedByAdmin m -> Optional.of(m.adminId());
      case TicketCancelled m -> Optional.of(m.cancelledBy());
      case TicketCheckedIn m -> Optional.of(m.staffId());
      case TicketCheckInUndone m -> Optional.of(m.staffId());
      case WaitlistJoined m -> Optional.of(m.userId());
      case WaitlistOffered m -> Optional.empty();
      case WaitlistAccepted m -> Optional.of(m.userId());
      case WaitlistOfferExpired m -> Optional.empty();
      case WaitlistLeft m -> Optional.of(m.leftBy());
      case WaitlistClosed m -> Optional.of(m.adminId()).filter(id -> !id.equals(NOBODY));
    };
  }

  /** An event as the messages that concern its ticket holders name it: where and when. */
  record EventSummary(UUID id, String title, Instant startsAt, String venue, String timeZone) {
    public static EventSummary of(Event event) {
      return new EventSummary(
          event.id(), event.title(), event.startsAt(), event.venue(), event.timeZone());
    }
  }

  /** Someone signed up. */
  record UserRegistered(UUID id, UUID userId, String email, String name, Role role)
      implements OutboxMessage {
    public static UserRegistered of(UUID userId, String email, String name, Role role) {
      return new UserRegistered(UUID.randomUUID(), userId, email, name, role);
    }
  }

  /** A user logged in with their password. */
  record LoginSucceeded(UUID id, UUID userId, String clientAddress) implements OutboxMessage {
    public static LoginSucceeded of(UUID userId, String clientAddress) {
      return new LoginSucceeded(UUID.randomUUID(), userId, clientAddress);
    }
  }

  /**
   * A login was refused. {@code accountId} is the account's id, or a stable stand-in for an unknown
   * email ({@code knownAccount} false).
   */
  record LoginFailed(
      UUID id, UUID accountId, String email, String clientAddress, boolean knownAccount)
      implements OutboxMessage {
    public static LoginFailed of(
        UUID accountId, String email, String clientAddress, boolean knownAccount) {
      return new LoginFailed(UUID.randomUUID(), accountId, email, clientAddress, knownAccount);
    }
  }

  /** An administrator gave an account another role. */
  record UserRoleChanged(UUID id, UUID userId, UUID adminId, Role oldRole, Role newRole)
      implements OutboxMessage {
    public static UserRoleChanged of(UUID userId, UUID adminId, Role oldRole, Role newRole) {
      return new UserRoleChanged(UUID.randomUUID(), userId, adminId, oldRole, newRole);
    }
  }

  /** An administrator created an event; the message records it as it was created. */
  record EventCreated(UUID id, UUID adminId, Event event) implements OutboxMessage {
    public static EventCreated of(Event event, UUID adminId) {
      return new EventCreated(UUID.randomUUID(), adminId, event);
    }
  }

  /** A field of an event that an update can change. */
  enum EventField {
    TITLE(false),
    DESCRIPTION(false),
    STARTS_AT(true),
    ENDS_AT(true),
    VENUE(true),
    CAPACITY(false),
    MAX_TICKETS_PER_USER(false),
    TIME_ZONE(false);

    private final boolean holdersCare;

    EventField(boolean holdersCare) {
      this.holdersCare = holdersCare;
    }

    /** Whether ticket holders are told when it changes (where and when the event takes place). */
    public boolean holdersCare() {
      return holdersCare;
    }
  }

  /** The old and the new value of a changed field, as text. */
  record FieldChange(String old, String now) {
    public FieldChange {
      Objects.requireNonNull(old);
      Objects.requireNonNull(now);
    }
  }

  /**
   * An administrator edited an event: {@code changes} holds only the fields that changed, in the
   * order of {@link EventField}; {@code status} and {@code title} are the event's after the edit.
   */
  record EventUpdated(
      UUID id,
      UUID eventId,
      UUID adminId,
      Map<EventField, FieldChange> changes,
      EventStatus status,
      String title,
      String timeZone)
      implements OutboxMessage {
    public EventUpdated {
      changes =
          changes.isEmpty()
              ? Map.of()
              : Collections.unmodifiableMap(new EnumMap<EventField, FieldChange>(changes));
    }

    public static EventUpdated of(
        Event updated, UUID adminId, Map<EventField, FieldChange> changes) {
      return new EventUpdated(
          UUID.randomUUID(),
          updated.id(),
          adminId,
          changes,
          updated.status(),
          updated.title(),
          updated.timeZone());
    }

    /** Holders hear of a published event moving in time or place. */
    public boolean notifyHolders() {
      return status == EventStatus.PUBLISHED
          && changes.keySet().stream().anyMatch(EventField::holdersCare);
    }
  }

  /**
   * An administrator moved an event from one status to another; {@code event} is as it was before
   * the move, and {@code cancelledBookings} how many bookings the move cancelled.
   */
  record EventStatusChanged(
      UUID id,
      UUID adminId,
      EventStatus from,
      EventStatus to,
      EventSummary event,
      int cancelledBookings)
      implements OutboxMessage {
    public static EventStatusChanged of(
        Event before, EventStatus to, UUID adminId, int cancelledBookings) {
      return new EventStatusChanged(
          UUID.randomUUID(),
          adminId,
          before.status(),
          to,
          EventSummary.of(before),
          cancelledBookings);
    }
  }

  /** An administrator deleted an event nobody had booked; the message records it as it was. */
  record EventDeleted(UUID id, UUID adminId, Event event) implements OutboxMessage {
    public static EventDeleted of(Event event, UUID adminId) {
      return new EventDeleted(UUID.randomUUID(), adminId, event);
    }
  }

  /**
   * A user booked seats; {@code event} is as the booking found it (the booking is made only while
   * the event still has the version it was read from).
   */
  record BookingCreated(
      UUID id, UUID bookingId, UUID userId, int quantity, List<UUID> ticketIds, EventSummary event)
      implements OutboxMessage {
    public BookingCreated {
      ticketIds = List.copyOf(ticketIds);
      if (ticketIds.size() != quantity) {
        throw new IllegalArgumentException(
            "a booking of " + quantity + " seats has as many tickets");
      }
    }

    public static BookingCreated of(
        UUID bookingId, UUID userId, List<UUID> ticketIds, Event event) {
      return new BookingCreated(
          UUID.randomUUID(),
          bookingId,
          userId,
          ticketIds.size(),
          ticketIds,
          EventSummary.of(event));
    }
  }

  /** Why a booking was cancelled. */
  enum CancellationCause {
    /** The booker cancelled it. */
    USER,
    /** An administrator cancelled someone else's booking. */
    ADMIN,
    /** The event was cancelled, and the booking with it. */
    EVENT_CANCELLED
  }

  /** A booking of {@code event} was cancelled by {@code cancelledBy}, for {@code cause}. */
  record BookingCancelled(
      UUID id,
      UUID bookingId,
      UUID cancelledBy,
      UUID userId,
      int quantity,
      CancellationCause cause,
      EventSummary event)
      implements OutboxMessage {
    /**
     * The cancellation of {@code booking} by {@code actorId} alone: the booker's own (USER) or an
     * administrator's (ADMIN).
     */
    public static BookingCancelled byRequest(Booking booking, UUID actorId, Event event) {
      CancellationCause cause =
          booking.userId().equals(actorId) ? CancellationCause.USER : CancellationCause.ADMIN;
      return of(booking, actorId, cause, event);
    }

    /** A booking cancelled with its event. */
    public static BookingCancelled withEvent(Booking booking, UUID adminId, Event event) {
      return of(booking, adminId, CancellationCause.EVENT_CANCELLED, event);
    }

    private static BookingCancelled of(
        Booking booking, UUID actorId, CancellationCause cause, Event event) {
      if (!booking.eventId().equals(event.id())) {
        throw new IllegalArgumentException("booking " + booking.id() + " is of another event");
      }
      return new BookingCancelled(
          UUID.randomUUID(),
          booking.id(),
          actorId,
          booking.userId(),
          booking.quantity(),
          cause,
          EventSummary.of(event));
    }
  }

  /**
   * One ticket of a booking was cancelled by {@code cancelledBy}; {@code remainingQuantity} tickets
   * of the booking stay valid (0: the booking is cancelled with it).
   */
  record TicketCancelled(
      UUID id,
      UUID ticketId,
      UUID bookingId,
      UUID cancelledBy,
      UUID userId,
      int remainingQuantity,
      CancellationCause cause,
      EventSummary event)
      implements OutboxMessage {
    public static TicketCancelled of(Ticket ticket, Booking booking, UUID actorId, Event event) {
      CancellationCause cause =
          ticket.userId().equals(actorId) ? CancellationCause.USER : CancellationCause.ADMIN;
      return new TicketCancelled(
          UUID.randomUUID(),
          ticket.id(),
          ticket.bookingId(),
          actorId,
          ticket.userId(),
          booking.quantity() - 1,
          cause,
          EventSummary.of(event));
    }
  }

  /** Door staff checked a ticket in. The code is not recorded: it is the holder's secret. */
  record TicketCheckedIn(
      UUID id, UUID ticketId, UUID bookingId, UUID eventId, UUID staffId, Instant checkedInAt)
      implements OutboxMessage {
    public static TicketCheckedIn of(Ticket ticket, UUID staffId, Instant checkedInAt) {
      return new TicketCheckedIn(
          UUID.randomUUID(),
          ticket.id(),
          ticket.bookingId(),
          ticket.eventId(),
          staffId,
          checkedInAt);
    }
  }

  /** Door staff undid a check-in (a mistaken scan): the ticket is valid again. */
  record TicketCheckInUndone(
      UUID id, UUID ticketId, UUID bookingId, UUID eventId, UUID staffId, Instant checkedInAt)
      implements OutboxMessage {
    public static TicketCheckInUndone of(Ticket ticket, UUID staffId) {
      return new TicketCheckInUndone(
          UUID.randomUUID(),
          ticket.id(),
          ticket.bookingId(),
          ticket.eventId(),
          staffId,
          ticket.checkedInAt().orElseThrow());
    }
  }

  /** An administrator deleted someone else's comment. */
  record CommentDeletedByAdmin(
      UUID id, UUID commentId, UUID adminId, UUID eventId, UUID authorId, String text)
      implements OutboxMessage {
    public static CommentDeletedByAdmin of(
        UUID commentId, UUID adminId, UUID eventId, UUID authorId, String text) {
      return new CommentDeletedByAdmin(
          UUID.randomUUID(), commentId, adminId, eventId, authorId, text);
    }
  }

  /** The actor of a change nobody made (an event's start closing its waiting list). */
  UUID NOBODY = new UUID(0, 0);

  /** A user joined an event's waiting list. */
  record WaitlistJoined(UUID id, UUID entryId, UUID eventId, UUID userId, int quantity)
      implements OutboxMessage {
    public static WaitlistJoined of(WaitlistEntry entry) {
      return new WaitlistJoined(
          UUID.randomUUID(), entry.id(), entry.eventId(), entry.userId(), entry.quantity());
    }
  }

  /** Seats freed up and were held for a waiting user until {@code offerExpiresAt}. */
  record WaitlistOffered(
      UUID id,
      UUID entryId,
      UUID userId,
      int quantity,
      UUID holdId,
      Instant offerExpiresAt,
      EventSummary event)
      implements OutboxMessage {
    public static WaitlistOffered of(
        WaitlistEntry entry, UUID holdId, Instant offerExpiresAt, Event event) {
      return new WaitlistOffered(
          UUID.randomUUID(),
          entry.id(),
          entry.userId(),
          entry.quantity(),
          holdId,
          offerExpiresAt,
          EventSummary.of(event));
    }
  }

  /** The waiting user confirmed the offered hold: {@code bookingId} is theirs. */
  record WaitlistAccepted(
      UUID id, UUID entryId, UUID eventId, UUID userId, UUID holdId, UUID bookingId)
      implements OutboxMessage {
    public static WaitlistAccepted of(WaitlistEntry entry, UUID bookingId) {
      return new WaitlistAccepted(
          UUID.randomUUID(),
          entry.id(),
          entry.eventId(),
          entry.userId(),
          entry.holdId().orElseThrow(),
          bookingId);
    }
  }

  /** An offer lapsed unconfirmed; its seats pass to the next entry. */
  record WaitlistOfferExpired(
      UUID id, UUID entryId, UUID userId, int quantity, UUID holdId, EventSummary event)
      implements OutboxMessage {
    public static WaitlistOfferExpired of(WaitlistEntry entry, Event event) {
      return new WaitlistOfferExpired(
          UUID.randomUUID(),
          entry.id(),
          entry.userId(),
          entry.quantity(),
          entry.holdId().orElseThrow(),
          EventSummary.of(event));
    }
  }

  /** The user (or an administrator, {@code leftBy}) took the entry off the list. */
  record WaitlistLeft(
      UUID id, UUID entryId, UUID userId, UUID leftBy, int quantity, EventSummary event)
      implements OutboxMessage {
    public static WaitlistLeft of(WaitlistEntry entry, UUID leftBy, Event event) {
      return new WaitlistLeft(
          UUID.randomUUID(),
          entry.id(),
          entry.userId(),
          leftBy,
          entry.quantity(),
          EventSummary.of(event));
    }
  }

  /** Why an event's waiting list closed. */
  enum WaitlistClosure {
    EVENT_CANCELLED,
    EVENT_COMPLETED,
    EVENT_STARTED
  }

  /** The event's waiting list closed: every entry still in line ends. */
  record WaitlistClosed(
      UUID id,
      UUID entryId,
      UUID userId,
      UUID adminId,
      int quantity,
      WaitlistClosure cause,
      EventSummary event)
      implements OutboxMessage {
    public static WaitlistClosed of(
        WaitlistEntry entry, WaitlistClosure cause, UUID adminId, Event event) {
      return new WaitlistClosed(
          UUID.randomUUID(),
          entry.id(),
          entry.userId(),
          adminId,
          entry.quantity(),
          cause,
          EventSummary.of(event));
    }
  }
}
