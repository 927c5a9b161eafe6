package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.RunningApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OpenApiIT {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();

  @Test
  void everyRegisteredRouteIsDocumented() {
    JsonNode document = app.http().get("/openapi.json").json();
    JsonNode paths = document.get("paths");

    var routes = app.application().routes();
    assertThat(routes).isNotEmpty();
    for (var route : routes) {
      String openApiPath = route.path().replaceAll("\\{(\\w+)}", "{$1}");
      JsonNode operations = paths.get(openApiPath);
      assertThat(operations).as("documented path %s", route.path()).isNotNull();
      // HEAD is GET without a body (RFC 9110): its GET documents it.
      String method = route.method().equals("HEAD") ? "get" : route.method();
      assertThat(operations.has(method.toLowerCase(Locale.ROOT)))
          .as("documented %s %s", route.method(), route.path())
          .isTrue();
    }
  }

  @Test
  void protectedRoutesDeclareTheBearerSchemeAndErrorsAreProblems() {
    JsonNode document = app.http().get("/openapi.json").json();

    assertThat(document.at("/components/securitySchemes/bearerAuth/scheme").asText())
        .isEqualTo("bearer");
    assertThat(document.at("/paths/~1api~1v1~1users~1me/get/security").toString())
        .contains("bearerAuth");
    assertThat(document.at("/paths/~1api~1v1~1auth~1register/post/responses/422/$ref").asText())
        .isEqualTo("#/components/responses/ValidationFailed");
    assertThat(
            document
                .at("/components/responses/ValidationFailed/content")
                .has("application/problem+json"))
        .isTrue();
    assertThat(document.at("/components/schemas/RegisterRequest/properties").has("email")).isTrue();
  }

  @Test
  void everyOperationHasAUniqueOperationIdAndADeclaredTag() {
    JsonNode document = app.http().get("/openapi.json").json();
    java.util.Set<String> ids = new java.util.HashSet<>();
    java.util.Set<String> tags = new java.util.HashSet<>();
    document.get("tags").forEach(t -> tags.add(t.get("name").asText()));

    forEachOperation(
        document.get("paths"),
        (path, operation) -> {
          String id = operation.path("operationId").asText();
          assertThat(id).as("operationId of %s", path).matches("[a-z][A-Za-z]+");
          assertThat(ids.add(id)).as("unique %s", id).isTrue();
          operation.get("tags").forEach(t -> assertThat(tags).contains(t.asText()));
        });
    assertThat(ids).contains("bookSeats", "cancelBooking", "searchEvents", "logIn", "register");
    assertThat(document.at("/servers/0/url").asText()).isEqualTo("/");
    // Administrators' operations answer others 403, whether or not their annotations say so.
    assertThat(document.at("/paths/~1api~1v1~1events~1{id}/patch/responses/403/$ref").asText())
        .isEqualTo("#/components/responses/Forbidden");
  }

  @Test
  void schemasSayWhatIsAlwaysThereAndUseEnumsAndFormats() {
    JsonNode schemas = app.http().get("/openapi.json").json().at("/components/schemas");

    assertThat(schemas.at("/BookingResponse/required").toString())
        .contains("\"id\"", "\"status\"", "\"createdAt\"")
        .doesNotContain("cancelledAt");
    assertThat(schemas.at("/BookingResponse/additionalProperties").isMissingNode()).isTrue();
    assertThat(schemas.at("/BookingResponse/properties/id/format").asText()).isEqualTo("uuid");
    assertThat(schemas.at("/BookingStatus/enum").toString()).contains("CONFIRMED", "CANCELLED");
    assertThat(schemas.at("/RegisterRequest/required").toString())
        .contains("email", "password", "name");
    assertThat(schemas.at("/BookRequest/required").toString()).contains("quantity");
    assertThat(schemas.at("/BookRequest/properties/quantity/example").isInt()).isTrue();
    assertThat(schemas.at("/EventResponse/properties/status").toString()).contains("EventStatus");
    assertThat(schemas.at("/UserResponse/properties/role").toString()).contains("Role");
  }

  @Test
  void everyCreatedAnswerDocumentsItsLocationAndErrorsReferenceSharedProblems() {
    JsonNode paths = app.http().get("/openapi.json").json().get("paths");

    forEachOperation(
        paths,
        (path, operation) -> {
          JsonNode responses = operation.get("responses");
          if (responses.has("201")) {
            assertThat(responses.at("/201/headers/Location/$ref").asText())
                .as("Location of %s", path)
                .isEqualTo("#/components/headers/Location");
          }
          responses
              .properties()
              .forEach(
                  r -> {
                    if (r.getKey().startsWith("4")) {
                      assertThat(r.getValue().path("$ref").asText())
                          .as("%s %s", path, r.getKey())
                          .startsWith("#/components/responses/");
                    }
                  });
          if (operation.path("security").toString().contains("bearerAuth")) {
            assertThat(responses.has("401")).as("401 of %s", path).isTrue();
          }
        });
  }

  /** Every operation of the document's paths, with its path. */
  private static void forEachOperation(JsonNode paths, BiConsumer<String, JsonNode> check) {
    paths
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(operation -> check.accept(path.getKey(), operation.getValue())));
  }

  @Test
  void largeJsonAnswersAreGzippedForClientsThatAcceptItSmallOnesAreNot() throws Exception {
    HttpResponse<byte[]> document = getAcceptingGzip("/openapi.json");
    HttpResponse<byte[]> health = getAcceptingGzip("/health/live");

    assertThat(document.headers().firstValue("Content-Encoding")).hasValue("gzip");
    try (var unzipped = new GZIPInputStream(new ByteArrayInputStream(document.body()))) {
      assertThat(new ObjectMapper().readTree(unzipped).has("paths")).isTrue();
    }
    assertThat(health.headers().firstValue("Content-Encoding")).isEmpty();
  }

  private static HttpResponse<byte[]> getAcceptingGzip(String path) throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(
          HttpRequest.newBuilder(URI.create(app.http().baseUrl() + path))
              .header("Accept-Encoding", "gzip")
              .build(),
          HttpResponse.BodyHandlers.ofByteArray());
    }
  }

  @Test
  void swaggerUiIsServed() {
    var page = app.http().get("/swagger");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.body()).contains("swagger-ui").contains("/openapi.json");
  }
}
