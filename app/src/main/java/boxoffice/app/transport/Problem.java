package boxoffice.app.transport;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.openapi.OpenApiDescription;
import java.time.Instant;
import java.util.List;

/** RFC 9457 problem details, the body of every error response. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@OpenApiDescription("RFC 9457 problem details")
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    String requestId,
    @OpenApiDescription(
            "The stable reason of a domain refusal; clients switch on it, never on detail. One of:"
                + " SOLD_OUT, LIMIT_REACHED, EVENT_NOT_BOOKABLE, CANCELLATION_CLOSED,"
                + " SEATS_CONTENDED, IDEMPOTENCY_KEY_REUSED, REQUEST_IN_PROGRESS, EMAIL_TAKEN,"
                + " EVENT_FINAL,"
                + " INVALID_STATUS_TRANSITION, CAPACITY_BELOW_BOOKED, EVENT_HAS_BOOKINGS,"
                + " VERSION_MISMATCH, ALREADY_CHECKED_IN, TICKET_VOID, TICKET_NOT_FOUND, TICKET_USED,"
                + " CHECK_IN_CLOSED, NOT_AN_ATTENDEE, LAST_ADMIN, HOLD_EXPIRED, HOLD_RELEASED,"
                + " HOLD_CONFIRMED, SEATS_AVAILABLE, ALREADY_WAITING, ROLE_REQUIRED, NOT_THE_AUTHOR"
                + " (README, \"Problem codes\")")
        String code,
    List<FieldError> errors,
    @OpenApiDescription("On SOLD_OUT: seats still available") Integer seatsAvailable,
    @OpenApiDescription("On LIMIT_REACHED: tickets the user may still book") Integer remaining,
    @OpenApiDescription("On ALREADY_CHECKED_IN: when the ticket was first checked in")
        Instant checkedInAt) {
  static final String TYPE_PREFIX = "https://boxoffice.dev/problems/";
  static final String CONTENT_TYPE = "application/problem+json";

  /** A problem without a code or extension members. */
  static Problem plain(
      String type,
      String title,
      int status,
      String detail,
      String instance,
      String requestId,
      List<FieldError> errors) {
    return new Problem(
        type, title, status, detail, instance, requestId, null, errors, null, null, null);
  }

  /** One invalid field of a 422 response. */
  public record FieldError(String field, String message) {}
}
