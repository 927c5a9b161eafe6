package boxoffice.app.transport;

import boxoffice.app.service.HealthService;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;

/** Liveness and readiness for load balancers and orchestrators. */
final class HealthController {
  private final HealthService health;

  @Inject
  HealthController(HealthService health) {
    this.health = health;
  }

  /** Health answer: overall status and the state of each dependency. */
  record HealthResponse(String status, Map<String, String> checks) {}

  @OpenApi(
      path = "/health/live",
      methods = HttpMethod.GET,
      operationId = "checkLiveness",
      tags = "Operations",
      summary = "The process is up",
      responses =
          @OpenApiResponse(status = "200", content = @OpenApiContent(from = HealthResponse.class)))
  void live(Context ctx) {
    ctx.json(new HealthResponse("UP", Map.of()));
  }

  @OpenApi(
      path = "/health/ready",
      methods = HttpMethod.GET,
      operationId = "checkReadiness",
      tags = "Operations",
      summary = "Every dependency is reachable",
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = HealthResponse.class)),
        @OpenApiResponse(status = "503", content = @OpenApiContent(from = HealthResponse.class))
      })
  void ready(Context ctx) {
    Map<String, String> checks = new TreeMap<>();
    health.check().forEach((name, up) -> checks.put(name, up ? "UP" : "DOWN"));
    boolean ready = !checks.containsValue("DOWN");
    if (!ready) {
      ctx.status(503).header("Retry-After", "5");
    }
    ctx.json(new HealthResponse(ready ? "UP" : "DOWN", checks));
  }
}
