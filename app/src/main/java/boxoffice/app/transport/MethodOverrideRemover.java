package boxoffice.app.transport;

import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * Removes method-override headers before Javalin sees a request. Javalin 6 routes by {@code
 * X-HTTP-Method-Override} when present ({@code Context.method()}), so a POST could delete an event
 * and a GET cancel a booking, past any proxy or firewall rule written for the real method and while
 * the access log named another. Every request is handled as the method it was sent with.
 */
final class MethodOverrideRemover implements HttpConfiguration.Customizer {
  static final List<String> HEADERS =
      List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

  @Override
  public void customize(Connector connector, HttpConfiguration configuration, Request request) {
    HttpFields fields = request.getHttpFields();
    if (fields == null || HEADERS.stream().noneMatch(fields::contains)) {
      return; // the common case costs three lookups and no copy
    }
    HttpFields.Mutable kept = HttpFields.build(fields);
    HEADERS.forEach(kept::remove);
    request.setHttpFields(kept);
  }
}
