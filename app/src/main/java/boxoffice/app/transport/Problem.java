package boxoffice.app.transport;

import boxoffice.app.domain.ProblemCode;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.openapi.Nullability;
import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiPropertyType;
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
            "The stable reason of a domain refusal, on every 409 and where a rule decides a"
                + " 403, 404 or 422; clients switch on it, never on detail. Which status carries"
                + " which code: the responses' descriptions and README, \"Problem codes\"")
        @OpenApiPropertyType(definedBy = ProblemCode.class, nullability = Nullability.NULLABLE)
        String code,
    @OpenApiDescription("On 422: each invalid field and what is wrong with it") @OpenApiNullable
        List<FieldError> errors,
    @OpenApiDescription("On SOLD_OUT: seats still available") @OpenApiNullable
        Integer seatsAvailable,
    @OpenApiDescription("On LIMIT_REACHED: tickets the user may still book") @OpenApiNullable
        Integer remaining,
    @OpenApiDescription("On ALREADY_CHECKED_IN: when the ticket was first checked in")
        @OpenApiNullable
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
