package boxoffice.app.transport;

import static boxoffice.app.domain.ProblemCode.*;

import boxoffice.app.domain.ProblemCode;
import java.util.List;

/**
 * Every error status the API answers, as the OpenAPI document describes it once (under {@code
 * components/responses}) for every operation to reference: the problem {@code type}s it carries and
 * the {@code code}s a client may switch on. {@code ProblemCatalogTest} checks it against {@link
 * ProblemCode} and the README's table.
 */
final class ProblemCatalog {
  /** One error status: its component name, what it means, its problem types and codes. */
  record Entry(
      int status,
      String name,
      String meaning,
      List<String> types,
      List<ProblemCode> codes,
      boolean retryAfter) {}

  static final List<Entry> ENTRIES =
      List.of(
          new Entry(
              400,
              "BadRequest",
              "Malformed JSON, a bad query parameter or header, or a tampered cursor",
              List.of("bad-request"),
              List.of(),
              false),
          new Entry(
              401,
              "Unauthorized",
              "No bearer token, or one that is invalid, expired or revoked (with"
                  + " `WWW-Authenticate: Bearer`); on login, a wrong email or password",
              List.of("unauthorized"),
              List.of(),
              false),
          new Entry(
              403,
              "Forbidden",
              "Signed in, but not allowed",
              List.of("forbidden"),
              List.of(ROLE_REQUIRED, NOT_AN_ATTENDEE, NOT_THE_AUTHOR),
              false),
          new Entry(
              404,
              "NotFound",
              "No such resource, or one the caller may not see (a draft event, another user's"
                  + " booking)",
              List.of("not-found"),
              List.of(TICKET_NOT_FOUND),
              false),
          new Entry(
              409,
              "Conflict",
              "The resource's state refuses the request",
              List.of("conflict", "sold-out", "limit-reached", "already-checked-in"),
              List.of(
                  SOLD_OUT,
                  LIMIT_REACHED,
                  EVENT_NOT_BOOKABLE,
                  CANCELLATION_CLOSED,
                  SEATS_CONTENDED,
                  REQUEST_IN_PROGRESS,
                  EMAIL_TAKEN,
                  EVENT_FINAL,
                  INVALID_STATUS_TRANSITION,
                  CAPACITY_BELOW_BOOKED,
                  EVENT_HAS_BOOKINGS,
                  VERSION_MISMATCH,
                  ALREADY_CHECKED_IN,
                  TICKET_VOID,
                  TICKET_USED,
                  CHECK_IN_CLOSED,
                  LAST_ADMIN,
                  HOLD_EXPIRED,
                  HOLD_RELEASED,
                  HOLD_CONFIRMED,
                  SEATS_AVAILABLE,
                  ALREADY_WAITING),
              false),
          new Entry(
              412,
              "PreconditionFailed",
              "`If-Match` names a version the resource no longer has",
              List.of("precondition-failed"),
              List.of(VERSION_MISMATCH),
              false),
          new Entry(
              413,
              "ContentTooLarge",
              "The request body is larger than the server accepts",
              List.of("payload-too-large"),
              List.of(),
              false),
          new Entry(
              415,
              "UnsupportedMediaType",
              "The request body is not `application/json`",
              List.of("unsupported-media-type"),
              List.of(),
              false),
          new Entry(
              422,
              "ValidationFailed",
              "The body is well-formed JSON but some fields are invalid (listed in `errors`)",
              List.of("validation-failed"),
              List.of(IDEMPOTENCY_KEY_REUSED),
              false),
          new Entry(
              429,
              "TooManyRequests",
              "Too many failed attempts; try again after `Retry-After` seconds",
              List.of("too-many-requests"),
              List.of(),
              true),
          new Entry(
              503,
              "ServiceUnavailable",
              "A dependency (the database) is down or overloaded; retry after `Retry-After`"
                  + " seconds",
              List.of("dependency-unavailable"),
              List.of(),
              true));

  private ProblemCatalog() {}
}
