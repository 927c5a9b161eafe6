package boxoffice.app.transport;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Prometheus scrapes the service's metrics here. */
final class MetricsController {
  private final PrometheusRegistry registry;
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  @Inject
  MetricsController(PrometheusRegistry registry) {
    this.registry = registry;
  }

  @OpenApi(
      path = "/metrics",
      methods = HttpMethod.GET,
      operationId = "scrapeMetrics",
      tags = "Operations",
      summary = "Metrics in the Prometheus text format",
      responses =
          @OpenApiResponse(
              status = "200",
              content = @OpenApiContent(type = "string", mimeType = "text/plain")))
  void scrape(Context ctx) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
    writer.write(body, registry.scrape());
    ctx.contentType(writer.getContentType()).result(body.toByteArray());
  }
}
