package boxoffice.app.service;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of change written to the outbox, with the aggregate each belongs to. */
public enum ChangeType {
  USER_REGISTERED("user.registered", "user"),
  LOGIN_SUCCEEDED("user.login_succeeded", "user"),
  LOGIN_FAILED("user.login_failed", "user"),
  USER_ROLE_CHANGED("user.role_changed", "user"),
  EVENT_CREATED("event.created", "event"),
  EVENT_UPDATED("event.updated", "event"),
  EVENT_STATUS_CHANGED("event.status_changed", "event"),
  EVENT_DELETED("event.deleted", "event"),
  BOOKING_CREATED("booking.created", "booking"),
  BOOKING_CANCELLED("booking.cancelled", "booking"),
  COMMENT_DELETED_BY_ADMIN("comment.deleted_by_admin", "comment"),
  TICKET_CANCELLED("ticket.cancelled", "ticket"),
  TICKET_CHECKED_IN("ticket.checked_in", "ticket"),
  TICKET_CHECK_IN_UNDONE("ticket.check_in_undone", "ticket"),
  // Hold rows are written by the hold statements themselves (payload built in SQL).
  HOLD_CREATED("hold.created", "hold"),
  HOLD_CONFIRMED("hold.confirmed", "hold"),
  HOLD_RELEASED("hold.released", "hold"),
  HOLD_EXPIRED("hold.expired", "hold"),
  WAITLIST_JOINED("waitlist.joined", "waitlist_entry"),
  WAITLIST_OFFERED("waitlist.offered", "waitlist_entry"),
  WAITLIST_ACCEPTED("waitlist.accepted", "waitlist_entry"),
  WAITLIST_OFFER_EXPIRED("waitlist.offer_expired", "waitlist_entry"),
  WAITLIST_LEFT("waitlist.left", "waitlist_entry"),
  WAITLIST_CLOSED("waitlist.closed", "waitlist_entry");

  private final String wireName;
  private final String aggregateType;

  ChangeType(String wireName, String aggregateType) {
    this.wireName = wireName;
    this.aggregateType = aggregateType;
  }

  private static final Map<String, ChangeType> BY_WIRE_NAME =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(t -> t.wireName, t -> t));

  /** The type a stored row names; empty for a name this version does not know. */
  public static Optional<ChangeType> fromWireName(String wireName) {
    return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
  }

  /** The stable name consumers see. */
  public String wireName() {
    return wireName;
  }

  public String aggregateType() {
    return aggregateType;
  }
}
