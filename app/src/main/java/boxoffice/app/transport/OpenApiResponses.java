package boxoffice.app.transport;

import static boxoffice.app.transport.OpenApiRefinements.object;

import boxoffice.app.domain.ProblemCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The responses of every operation made complete and shared: each error status is described once
 * under {@code components/responses} (its problem types and codes, from {@link ProblemCatalog}) and
 * referenced; the errors every operation of a kind can meet are added where the annotations leave
 * them out (401 where a token is needed, 503 wherever the database is, 400/413/415/422 wherever a
 * body is read); and the headers clients act on ({@code Location}, {@code ETag}, {@code
 * Cache-Control}, {@code Retry-After}) are documented where they are sent.
 */
final class OpenApiResponses {
  private static final String PROBLEM_JSON = Problem.CONTENT_TYPE;
  private static final String RESPONSES = "#/components/responses/";
  private static final String HEADERS = "#/components/headers/";

  private final ObjectNode document;
  private final Set<String> adminOnly;

  /** {@code adminOnly}: the {@link #key}s of the operations only administrators may call (403). */
  OpenApiResponses(ObjectNode document, Set<String> adminOnly) {
    this.document = document;
    this.adminOnly = adminOnly;
  }

  static String key(String method, String path) {
    return method.toUpperCase(Locale.ROOT) + " " + path;
  }

  void apply() {
    document
        .putArray("servers")
        .addObject()
        .put("url", "/")
        .put(
            "description",
            "The server that serves this document (http://localhost:8080 with `make run`)");
    ObjectNode info = object(document, "info");
    info.put(
        "description",
        info.path("description").asText("")
            + "\n\nEvery answer carries `X-Request-Id`; error answers quote it. Event reads may be"
            + " cached for "
            + CacheHeaders.EVENT_READS_MAX_AGE
            + " seconds (`Cache-Control`) and revalidated with their `ETag` in `If-None-Match`"
            + " (304); writes to an event take its `ETag` (or `\"<version>\"`) in `If-Match` and"
            + " answer 412 when it is stale. Token answers are `Cache-Control: no-store`.");
    ObjectNode components = object(document, "components");
    declareHeaders(object(components, "headers"));
    declareProblems(object(components, "responses"));
    object(components, "parameters")
        .putObject("IfNoneMatch")
        .put("name", "If-None-Match")
        .put("in", "header")
        .put(
            "description",
            "An ETag of an earlier answer: 304 without a body while the event still looks the"
                + " same")
        .putObject("schema")
        .put("type", "string");
    for (Map.Entry<String, JsonNode> path : object(document, "paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        ObjectNode node = (ObjectNode) operation.getValue();
        refine(path.getKey(), node);
        if (adminOnly.contains(key(operation.getKey(), path.getKey()))) {
          addForbidden(node);
        }
      }
    }
  }

  private static void declareHeaders(ObjectNode headers) {
    header(
            headers,
            "Location",
            "Path of the resource just created",
            "/api/v1/bookings/0b8f5a3e-6c1d-4f7a-9e2b-3c4d5e6f7a8b")
        .put("format", "uri-reference");
    header(
        headers,
        "ETag",
        "\"<version>-<seatsBooked>-<seatsAvailable>[-<ratings>-<average>]\": changes whenever the"
            + " event as shown changes. Send it in `If-None-Match` on GET for a 304, or in"
            + " `If-Match` on PATCH, PUT status and DELETE, which compare its version (412 when"
            + " stale)",
        "\"3-2-118-0-0.0\"");
    header(
        headers,
        "EventReadCaching",
        "Seats change with every booking: caches may reuse the answer for "
            + CacheHeaders.EVENT_READS_MAX_AGE
            + " seconds, then revalidate (with the ETag where there is one). Shared caches keep"
            + " only answers to anonymous requests; `Vary: Authorization`",
        CacheHeaders.EVENT_READS);
    header(headers, "NoStore", "Tokens are never stored by any cache", CacheHeaders.NO_STORE);
    header(headers, "RetryAfter", "Seconds to wait before trying again", null)
        .put("type", "integer")
        .put("minimum", 0);
    header(headers, "WWWAuthenticate", "The scheme to authenticate with", "Bearer");
  }

  /** A header component; returns its schema for further detail. */
  private static ObjectNode header(
      ObjectNode headers, String name, String description, String example) {
    ObjectNode header = headers.putObject(name).put("description", description);
    ObjectNode schema = header.putObject("schema").put("type", "string");
    if (example != null) {
      header.put("example", example);
    }
    return schema;
  }

  private static void declareProblems(ObjectNode responses) {
    for (ProblemCatalog.Entry entry : ProblemCatalog.ENTRIES) {
      StringBuilder description = new StringBuilder(entry.meaning()).append(". Problem type");
      description.append(entry.types().size() > 1 ? "s: " : ": ");
      description.append(
          entry.types().stream()
              .map(t -> "`" + Problem.TYPE_PREFIX + t + "`")
              .collect(Collectors.joining(", ")));
      if (!entry.codes().isEmpty()) {
        description
            .append(". `code`: ")
            .append(
                entry.codes().stream()
                    .map(ProblemCode::name)
                    .map(c -> "`" + c + "`")
                    .collect(Collectors.joining(", ")));
      }
      ObjectNode response = responses.putObject(entry.name());
      response.put("description", description.append('.').toString());
      if (entry.retryAfter()) {
        response.putObject("headers").putObject("Retry-After").put("$ref", HEADERS + "RetryAfter");
      }
      if (entry.status() == 401) {
        response
            .putObject("headers")
            .putObject("WWW-Authenticate")
            .put("$ref", HEADERS + "WWWAuthenticate");
      }
      response
          .putObject("content")
          .putObject(PROBLEM_JSON)
          .putObject("schema")
          .put("$ref", "#/components/schemas/Problem");
    }
  }

  private static void refine(String path, ObjectNode operation) {
    ObjectNode responses = object(operation, "responses");
    StringBuilder notes = new StringBuilder();
    Map<Integer, JsonNode> sorted = new TreeMap<>();
    for (Map.Entry<String, JsonNode> response : responses.properties()) {
      int status = Integer.parseInt(response.getKey());
      JsonNode value = response.getValue();
      if (value.path("content").has(PROBLEM_JSON)) {
        String description = value.path("description").asText("");
        if (!description.isEmpty() && !description.equals(reason(status))) {
          notes.append("\n\n**").append(status).append("**: ").append(description);
        }
        value = problem(status);
      }
      sorted.put(status, value);
    }
    boolean api = path.startsWith(Router.API);
    boolean body = operation.has("requestBody");
    List<String> parameterKinds = parameterKinds(operation);
    if (operation.has("security")) {
      sorted.putIfAbsent(401, problem(401));
    }
    if (body || parameterKinds.contains("query") || parameterKinds.contains("header")) {
      sorted.putIfAbsent(400, problem(400));
    }
    if (parameterKinds.contains("path")) {
      sorted.putIfAbsent(404, problem(404));
    }
    if (body) {
      sorted.putIfAbsent(413, problem(413));
      sorted.putIfAbsent(415, problem(415));
      sorted.putIfAbsent(422, problem(422));
    }
    if (api) {
      sorted.putIfAbsent(503, problem(503));
    }
    responses.removeAll();
    sorted.forEach((status, response) -> responses.set(String.valueOf(status), response));
    documentHeaders(operation.path("operationId").asText(), responses);
    if (operation.path("operationId").asText().equals("getEvent")) {
      ifNoneMatch(operation);
    }
    if (!notes.isEmpty()) {
      operation.put("description", operation.path("description").asText("") + notes);
    }
  }

  /** Other callers than administrators get 403 {@code ROLE_REQUIRED}; kept in status order. */
  private static void addForbidden(ObjectNode operation) {
    ObjectNode responses = object(operation, "responses");
    if (responses.has("403")) {
      return;
    }
    Map<Integer, JsonNode> sorted = new TreeMap<>();
    responses.properties().forEach(r -> sorted.put(Integer.parseInt(r.getKey()), r.getValue()));
    sorted.put(403, problem(403));
    responses.removeAll();
    sorted.forEach((status, response) -> responses.set(String.valueOf(status), response));
  }

  private static List<String> parameterKinds(ObjectNode operation) {
    return operation.path("parameters").valueStream().map(p -> p.path("in").asText()).toList();
  }

  private static JsonNode problem(int status) {
    ProblemCatalog.Entry entry =
        ProblemCatalog.ENTRIES.stream()
            .filter(e -> e.status() == status)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no catalog entry for " + status));
    return OpenApiRefinements.reference(RESPONSES + entry.name());
  }

  private static String reason(int status) {
    return HttpStatus.forStatus(status).getMessage();
  }

  /** Location on every 201 (each one sends it), and the caching headers where they are sent. */
  private static void documentHeaders(String operationId, ObjectNode responses) {
    responses
        .properties()
        .forEach(
            response -> {
              if (response.getKey().equals("201")) {
                headerRef(response.getValue(), "Location", "Location");
              }
            });
    switch (operationId) {
      case "getEvent" -> {
        headerRef(responses.get("200"), "ETag", "ETag");
        headerRef(responses.get("200"), "Cache-Control", "EventReadCaching");
      }
      case "searchEvents" -> headerRef(responses.get("200"), "Cache-Control", "EventReadCaching");
      case "createEvent" -> headerRef(responses.get("201"), "ETag", "ETag");
      case "updateEvent", "changeEventStatus" -> headerRef(responses.get("200"), "ETag", "ETag");
      case "logIn", "refreshTokens" -> headerRef(responses.get("200"), "Cache-Control", "NoStore");
      default -> {}
    }
  }

  private static void headerRef(JsonNode response, String header, String component) {
    if (response instanceof ObjectNode object) {
      object(object, "headers").set(header, OpenApiRefinements.reference(HEADERS + component));
    }
  }

  private static void ifNoneMatch(ObjectNode operation) {
    ArrayNode parameters =
        operation.get("parameters") instanceof ArrayNode array
            ? array
            : operation.putArray("parameters");
    parameters.add(OpenApiRefinements.reference("#/components/parameters/IfNoneMatch"));
  }
}
