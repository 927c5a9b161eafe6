package boxoffice.app.transport;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Requests Jetty refuses before any route sees them (unparseable request line, bad URI encoding,
 * oversized headers) still get problem+json instead of Jetty's HTML page.
 */
final class JettyProblemErrorHandler extends ErrorHandler {
  private static final String PARSE_FAILURE = "The HTTP request could not be parsed";

  JettyProblemErrorHandler() {
    setShowStacks(false);
    setShowServlet(false);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE));
    return ByteBuffer.wrap(problemBody(status, PARSE_FAILURE).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  protected void generateAcceptableResponse(
      Request baseRequest,
      HttpServletRequest request,
      HttpServletResponse response,
      int code,
      String message)
      throws IOException {
    baseRequest.setHandled(true);
    response.setContentType(Problem.CONTENT_TYPE);
    response
        .getOutputStream()
        .write(problemBody(code, PARSE_FAILURE).getBytes(StandardCharsets.UTF_8));
  }

  /** A problem+json body; {@code detail} must be a constant of ours, never request text. */
  static String problemBody(int status, String detail) {
    String title = HttpStatus.getMessage(status);
    String slug = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    // Built by hand: every value here is a constant of ours, none comes from the request.
    return "{\"type\":\""
        + Problem.TYPE_PREFIX
        + slug
        + "\",\"title\":\""
        + title
        + "\",\"status\":"
        + status
        + ",\"detail\":\""
        + detail
        + "\"}";
  }
}
