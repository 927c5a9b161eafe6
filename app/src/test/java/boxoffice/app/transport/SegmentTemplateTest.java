package boxoffice.app.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import java.util.ArrayList;
import java.util.List;
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
