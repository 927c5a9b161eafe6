package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.Fixtures;
import boxoffice.app.testing.RunningApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Whatever a client sends, it gets a precise 4xx problem+json, never a 5xx or internals. */
class HostileInputIT {
  private static final String JSON = "application/json";
  private static final String REGISTER = "/api/v1/auth/register";
  private static final String LOGIN = "/api/v1/auth/login";
  private static final String REFRESH = "/api/v1/auth/refresh";
  private static final String LOGOUT = "/api/v1/auth/logout";

  @RegisterExtension
  static final RunningApp app = RunningApp.perClass(java.util.Map.of("MAX_BODY_SIZE", "4KiB"));

  record Case(String method, String path, String contentType, byte[] body, int expected) {
    static Case of(String method, String path, String contentType, String body, int expected) {
      return new Case(
          method,
          path,
          contentType,
          body == null ? null : body.getBytes(StandardCharsets.UTF_8),
          expected);
    }

    /** A registration body the API must refuse with 422. */
    static Case refusedRegistration(String body) {
      return of("POST", REGISTER, JSON, body, 422);
    }
  }

  private static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (String path : List.of(REGISTER, LOGIN, REFRESH, LOGOUT)) {
      cases.add(Case.of("POST", path, JSON, "{", 400));
      cases.add(Case.of("POST", path, JSON, "[]", 400));
      cases.add(Case.of("POST", path, JSON, "null", 400));
      cases.add(Case.of("POST", path, JSON, "42", 400));
      cases.add(Case.of("POST", path, JSON, "\"text\"", 400));
      cases.add(Case.of("POST", path, JSON, "", 400));
      cases.add(Case.of("POST", path, JSON, "{} {}", 400));
      cases.add(Case.of("POST", path, JSON, "{\"a\":1,\"a\":2}", 400));
      cases.add(Case.of("POST", path, "text/plain", "{}", 415));
      cases.add(Case.of("POST", path, null, "{}", 415));
      cases.add(Case.of("POST", path, "application/xml", "<a/>", 415));
      cases.add(Case.of("POST", path, "application/json; charset=latin1", "{}", 415));
      cases.add(
          new Case(
              "POST",
              path,
              JSON,
              new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'},
              400));
      cases.add(Case.of("POST", path, JSON, "{\"x\":\"" + "a".repeat(5000) + "\"}", 413));
      cases.add(Case.of("PUT", path, JSON, "{}", 405));
    }
    cases.add(Case.refusedRegistration("{\"email\":5,\"password\":\"password-1\",\"name\":\"n\"}"));
    cases.add(
        Case.refusedRegistration(
            "{\"email\":[\"a@b.co\"],\"password\":\"password-1\",\"name\":\"n\"}"));
    cases.add(Case.refusedRegistration("{\"email\":{\"x\":1},\"password\":\"p\",\"name\":\"n\"}"));
    cases.add(
        Case.refusedRegistration("{\"email\":true,\"password\":\"password-1\",\"name\":\"n\"}"));
    cases.add(Case.refusedRegistration("{\"email\":null,\"password\":null,\"name\":null}"));
    cases.add(
        Case.refusedRegistration("{\"email\":\"a@b.co\",\"password\":12345678,\"name\":\"n\"}"));
    cases.add(
        Case.of(
            "POST",
            REGISTER,
            JSON,
            "{\"email\":\"a@b.co\",\"password\":\"password-1\",\"name\":\""
                + "n".repeat(101)
                + "\"}",
            422));
    cases.add(
        Case.of(
            "POST",
            REGISTER,
            JSON,
            "{\"email\":\"<script>@x.y\",\"password\":\"password-1\",\"name\":\"n\"}",
            201));
    cases.add(Case.of("POST", LOGIN, JSON, "{\"email\":\"a@b.co\"}", 422));
    cases.add(Case.of("POST", LOGIN, JSON, "{\"email\":\"a@b.co\",\"password\":1.5}", 422));
    cases.add(Case.of("POST", LOGIN, JSON, "{\"email\":\"' OR 1=1 --\",\"password\":\"x\"}", 401));
    cases.add(Case.of("POST", REFRESH, JSON, "{\"refreshToken\":123}", 422));
    cases.add(
        Case.of("POST", REFRESH, JSON, "{\"refreshToken\":\"" + "x".repeat(600) + "\"}", 422));
    cases.add(Case.of("GET", "/api/v1/nothing-here", null, null, 404));
    cases.add(Case.of("GET", "/api/v1/users/me/../../../etc/passwd", null, null, 404));
    cases.add(Case.of("GET", "/", null, null, 404));
    cases.add(Case.of("DELETE", "/api/v1/users/me", null, null, 405));
    cases.add(Case.of("GET", "/api/v1/auth/login", null, null, 405));
    cases.add(Case.of("GET", "/api/v1/users/me", null, null, 401));
    cases.add(Case.of("GET", "/api/v1/admin/users?limit=-1", null, null, 401));
    return cases;
  }

  @Test
  void everyBadRequestGetsItsOwn4xxProblemWithoutInternals() {
    List<Case> cases = cases();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(50);
    for (Case c : cases) {
      var response = app.http().raw(c.method(), c.path(), c.contentType(), c.body());
      String label = c.method() + " " + c.path() + " " + c.contentType() + " -> " + response;

      assertThat(response.status()).as(label).isEqualTo(c.expected()).isLessThan(500);
      assertThat(response.header("X-Request-Id")).as(label).isNotBlank();
      if (c.expected() >= 400) {
        assertThat(response.header("Content-Type"))
            .as(label)
            .startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).as(label).isEqualTo(c.expected());
        assertThat(problem.get("title").asText()).as(label).isNotBlank();
        assertThat(problem.get("type").asText()).as(label).startsWith("https://");
        assertThat(problem.get("requestId").asText())
            .as(label)
            .isEqualTo(response.header("X-Request-Id"));
        assertThat(response.body())
            .as(label)
            .doesNotContain(
                "Exception", "java.", "boxoffice.app", "org.", "com.", "SQL", "\tat ", "jdbc");
      }
    }
  }

  @Test
  void aChunkedBodyOverTheLimitIsRefusedToo() {
    byte[] big = ("{\"x\":\"" + "a".repeat(10_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    var request =
        app.http()
            .request(REGISTER, null)
            .header("Content-Type", JSON)
            .POST(
                java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(big)));

    var response = app.http().send(request);

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.json().get("type").asText()).endsWith("/payload-too-large");
  }

  @Test
  void requestsRefusedBeforeRoutingStillGetProblems() throws Exception {
    int port = java.net.URI.create(app.http().baseUrl()).getPort();
    List<String> requests =
        List.of(
            "GET /api/v1/%zz HTTP/1.1\r\nHost: x\r\n\r\n",
            "GARBAGE\r\n\r\n",
            "GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
    for (String request : requests) {
      try (var socket = new java.net.Socket("127.0.0.1", port)) {
        socket.setSoTimeout(5000);
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        String answer =
            new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        String label = request.substring(0, Math.min(40, request.length()));

        assertThat(answer).as(label).matches("(?s)HTTP/1\\.1 4\\d\\d .*");
        assertThat(answer).as(label).contains("Content-Type: application/problem+json");
        assertThat(answer).as(label).doesNotContain("<h1>", "Exception", "jetty");
      }
    }
  }

  @Test
  void malformedQueryStringsAndPathsAre400OnEveryRoute() throws Exception {
    String event = "/api/v1/events/" + java.util.UUID.randomUUID();
    List<String> targets =
        List.of(
            "/api/v1/events?cursor=%%%garbage",
            "/api/v1/events?status=PUBLISHED&cursor=%",
            "/api/v1/events?q=%C3%28",
            "/api/v1/events?q=%ED%A0%80",
            "/api/v1/events?q=%C0%AF",
            "/api/v1/events?q=%F4%90%80%80",
            "/api/v1/events?%zz=1",
            "/api/v1/events?q=a%00b",
            event + "?x=%G1",
            event + "/comments?limit=%",
            "/api/v1/bookings?status=%E2%82",
            "/api/v1/nothing-here?x=%",
            "/health/live?x=%ff",
            "/metrics?x=%",
            "/openapi.json?x=%",
            "/api/v1/events/%C3%28",
            "/api/v1/events/%ED%A0%80/comments",
            "/api/v1/events/a%00b");
    int port = java.net.URI.create(app.http().baseUrl()).getPort();
    for (String target : targets) {
      // A raw socket: HTTP clients refuse to send some of these targets at all.
      String answer = get(port, target);

      assertThat(answer).as(target).startsWith("HTTP/1.1 400 ");
      assertThat(answer).as(target).contains("Content-Type: application/problem+json");
      assertThat(answer).as(target).doesNotContain("Exception", "jetty", "<h1>");
    }
    assertThat(app.http().get("/api/v1/events?q=%C3%A9t%C3%A9+%F0%9F%8E%AD").status())
        .isEqualTo(200);
  }

  @Test
  void oversizedAndOddRequestTargetsGetA4xxProblem() throws Exception {
    int port = java.net.URI.create(app.http().baseUrl()).getPort();
    List<String> targets =
        List.of(
            "/api/v1/events?q=" + "a".repeat(20_000),
            "/api/v1/events/" + "a".repeat(5_000),
            "/api/v1/events/" + "a".repeat(20_000),
            "/api/v1/events/not-a-uuid",
            "/api/v1/events/00000000-0000-0000-0000-00000000000g",
            "/api/v1/bookings/%20",
            "/api/v1/events?limit=99999999999999999999",
            "/api/v1/events?from=" + "9".repeat(300));
    for (String target : targets) {
      String answer = get(port, target);
      String label = target.substring(0, Math.min(60, target.length()));

      assertThat(answer).as(label).matches("(?s)HTTP/1\\.1 4\\d\\d .*");
      assertThat(answer).as(label).contains("Content-Type: application/problem+json");
    }
  }

  private static String get(int port, String target) throws java.io.IOException {
    String request = "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    try (var socket = new java.net.Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void signedInEndpointsRefuseBadInputWithPrecise4xx() {
    Fixtures fixtures = new Fixtures(app);
    String admin = fixtures.adminToken();
    String user = fixtures.users("hostile", 1).getFirst();
    String event = fixtures.publishedEvent("Hostile Input Hour", 5);
    String events = "/api/v1/events";
    String one = events + "/" + event;
    List<Object[]> cases =
        List.of(
            new Object[] {"POST", events, admin, "{\"title\":[]}", 422},
            new Object[] {
              "POST", events, admin, "{\"title\":\"t\",\"startsAt\":\"tomorrow\"}", 422
            },
            new Object[] {"POST", events, admin, "{\"capacity\":1.5}", 422},
            new Object[] {"POST", events, admin, "{\"capacity\":99999999999}", 422},
            new Object[] {"POST", events, admin, "{\"status\":\"SOLD\"}", 422},
            new Object[] {"POST", events, user, "{}", 403},
            new Object[] {"PATCH", one, admin, "{\"capacity\":\"ten\"}", 422},
            new Object[] {"PATCH", one, admin, "{\"status\":\"DRAFT\"}", 422},
            new Object[] {"PATCH", events + "/not-a-uuid", admin, "{}", 404},
            new Object[] {"PUT", one + "/status", admin, "{\"status\":7}", 422},
            new Object[] {"PUT", one + "/status", admin, "{}", 422},
            new Object[] {"DELETE", events + "/" + java.util.UUID.randomUUID(), admin, null, 404},
            new Object[] {"POST", one + "/bookings", user, "{\"quantity\":\"1\"}", 422},
            new Object[] {"POST", one + "/bookings", user, "{\"quantity\":-1}", 422},
            new Object[] {"POST", one + "/bookings", user, "[1]", 400},
            new Object[] {"POST", one + "/bookings", admin.substring(1), "{\"quantity\":1}", 401},
            new Object[] {"PUT", one + "/rating", user, "{\"score\":true}", 422},
            new Object[] {"POST", one + "/comments", user, "{\"text\":null}", 422},
            new Object[] {"POST", one + "/comments", user, "{\"text\":{}}", 422},
            new Object[] {"GET", events + "?sort=popularity", null, null, 400},
            new Object[] {"GET", events + "?status=SOLD", null, null, 400},
            new Object[] {"GET", events + "?from=yesterday", null, null, 400},
            new Object[] {"GET", events + "?limit=101", null, null, 400},
            new Object[] {"GET", events + "?cursor=%00%01", null, null, 400},
            new Object[] {"GET", "/api/v1/bookings?status=MAYBE", user, null, 400},
            new Object[] {"GET", "/api/v1/bookings/123", user, null, 404},
            new Object[] {
              "POST", "/api/v1/bookings/" + java.util.UUID.randomUUID() + "/cancel", user, null, 404
            },
            new Object[] {"DELETE", "/api/v1/comments/x", user, null, 404});
    for (Object[] c : cases) {
      var request = app.http().request((String) c[1], (String) c[2]);
      String body = (String) c[3];
      request.method(
          (String) c[0],
          body == null
              ? java.net.http.HttpRequest.BodyPublishers.noBody()
              : java.net.http.HttpRequest.BodyPublishers.ofString(body));
      if (body != null) {
        request.header("Content-Type", JSON);
      }
      var response = app.http().send(request);
      String label = c[0] + " " + c[1] + " " + body + " -> " + response;

      assertThat(response.status()).as(label).isEqualTo((int) c[4]);
      assertThat(response.header("Content-Type")).as(label).startsWith("application/problem+json");
      assertThat(response.body()).as(label).doesNotContain("Exception", "java.", "SQL", "org.");
    }
  }
}
