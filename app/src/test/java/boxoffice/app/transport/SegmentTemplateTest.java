package boxoffice.app.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.InternalRouter;
import io.javalin.router.ParsedEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Segment matching must answer exactly as Javalin's regular expressions do. */
class SegmentTemplateTest {
  private static final List<String> TEMPLATES =
      List.of(
          "/api/v1/events/{id}",
          "/api/v1/events",
          "/api/v1/events/{id}/comments",
          "/api/v1/events/{id}/check-ins/{ticketId}",
          "/api/v1/events/{id}/check-ins/summary",
          "/health/ready",
          "/metrics",
          "/a/{x}/{y}");

  private static final List<String> REQUESTS =
      List.of(
          "/api/v1/events/7f1f0c2e-5b7c-4d7e-9a43-2b1e6f0c9d11",
          "/api/v1/events/abc/",
          "/api/v1/events/abc//",
          "/api/v1/events//",
          "/api/v1/events/",
          "/api/v1/events",
          "/api/v1/event",
          "/api/v1/eventsX",
          "/API/v1/events",
          "//api/v1/events",
          "/api/v1//events",
          "/api/v1/events/abc/comments",
          "/api/v1/events/abc/comments/",
          "/api/v1/events/abc/comment",
          "/api/v1/events/%2F/comments",
          "/api/v1/events/a b/comments",
          "/api/v1/events/ü/comments",
          "/api/v1/events/{id}",
          "/api/v1/events/x/check-ins/y",
          "/api/v1/events/x/check-ins/summary",
          "/api/v1/events/x/check-ins/",
          "/health/ready",
          "/health/ready/",
          "/health",
          "/metrics",
          "/metrics/x",
          "/a/1/2",
          "/a/1/2/3",
          "/a/1",
          "/a//2",
          "/a/%41/b+c",
          "/a/x%2By/%20",
          "/a/%E2%82%AC/%zz",
          "/webjars/swagger-ui/index.css",
          "/webjars",
          "/webjarsx/y",
          "/files/a/b",
          "/files/report.json",
          "/",
          "");

  @Test
  void everyTemplateMatchesExactlyTheRequestsJavalinMatches() {
    JavalinConfig config = new JavalinConfig();
    List<String> disagreements = new ArrayList<>();
    for (String template : TEMPLATES) {
      SegmentTemplate segments = SegmentTemplate.of(template);
      assertThat(segments).as(template).isNotNull();
      ParsedEndpoint javalin =
          new ParsedEndpoint(new Endpoint(HandlerType.GET, template, ctx -> {}), config.router);
      for (String request : REQUESTS) {
        if (segments.matches(request) != javalin.matches(request)) {
          disagreements.add(template + " vs " + request);
        }
      }
    }
    assertThat(disagreements).isEmpty();
  }

  @Test
  void pathParametersAreTheOnesJavalinExtracts() {
    JavalinConfig config = new JavalinConfig();
    List<String> disagreements = new ArrayList<>();
    int compared = 0;
    for (String template : TEMPLATES) {
      SegmentTemplate segments = SegmentTemplate.of(template);
      ParsedEndpoint javalin =
          new ParsedEndpoint(new Endpoint(HandlerType.GET, template, ctx -> {}), config.router);
      for (String request : REQUESTS) {
        if (!segments.matches(request)) {
          continue;
        }
        compared++;
        String ours = outcome(() -> segments.pathParams(request));
        String theirs = outcome(() -> javalin.extractPathParams(request));
        if (!ours.equals(theirs)) {
          disagreements.add(template + " vs " + request + ": " + ours + " / " + theirs);
        }
      }
    }
    assertThat(compared).isGreaterThan(15);
    assertThat(disagreements).isEmpty();
  }

  /** Routes Javalin matches itself, behind the literal-prefix check, and segment routes alike. */
  @Test
  void theRouterFindsTheRouteJavalinsRouterFinds() {
    JavalinConfig config = new JavalinConfig();
    SegmentMatchingRouter ours = new SegmentMatchingRouter(config);
    InternalRouter javalins =
        new InternalRouter(
            config.pvt.wsRouter, config.pvt.eventManager, config.router, config.jetty);
    List<String> templates = new ArrayList<>(TEMPLATES);
    templates.addAll(List.of("/webjars/*", "/files/<path>", "/files/{name}.json", "/a/{x}/*", "*"));
    for (String template : templates) {
      Endpoint endpoint = new Endpoint(HandlerType.GET, template, ctx -> {});
      ours.addHttpEndpoint(endpoint);
      javalins.addHttpEndpoint(endpoint);
    }
    List<String> disagreements = new ArrayList<>();
    for (String request : REQUESTS) {
      SegmentMatchingRouter.Route route = ours.find(HandlerType.GET, request);
      String found = route == null ? "none" : route.entry().getEndpoint().getPath();
      String expected =
          javalins
              .findHttpHandlerEntries(HandlerType.GET, request)
              .findFirst()
              .map(entry -> entry.getEndpoint().getPath())
              .orElse("none");
      if (!found.equals(expected)) {
        disagreements.add(request + ": " + found + " / " + expected);
      }
    }
    assertThat(disagreements).isEmpty();
  }

  private static String outcome(java.util.function.Supplier<Map<String, String>> extraction) {
    try {
      return extraction.get().toString();
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName();
    }
  }

  @Test
  void templatesWithAnythingButWholeSegmentParametersAreLeftToJavalin() {
    assertThat(SegmentTemplate.of("*")).isNull();
    assertThat(SegmentTemplate.of("/webjars/*")).isNull();
    assertThat(SegmentTemplate.of("/files/<path>")).isNull();
    assertThat(SegmentTemplate.of("/files/{name}.json")).isNull();
    assertThat(SegmentTemplate.of("/x/{a}{b}")).isNull();
    assertThat(SegmentTemplate.of("/x/{}")).isNull();
    assertThat(SegmentTemplate.of("/")).isNull();
    assertThat(SegmentTemplate.of("/trailing/")).isNull();
  }
}
