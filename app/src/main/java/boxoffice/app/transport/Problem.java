package boxoffice.app.transport;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.openapi.OpenApiDescription;
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
    List<FieldError> errors,
    @OpenApiDescription("On a sold-out refusal: seats still available") Integer seatsAvailable) {
  static final String TYPE_PREFIX = "https://boxoffice.dev/problems/";
  static final String CONTENT_TYPE = "application/problem+json";

  /** One invalid field of a 422 response. */
  public record FieldError(String field, String message) {}
}
