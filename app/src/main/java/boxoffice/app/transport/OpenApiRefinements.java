package boxoffice.app.transport;

import boxoffice.app.service.EventSort;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.openapi.plugin.DefinitionProcessor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the annotation processor cannot say, added to the document it generated from the
 * annotations, once, when the document is first served: global tags, the shared problem responses
 * and headers (see {@link OpenApiResponses}), {@code format: uuid}, {@code required} on every
 * response field that is always present, and examples of their property's type. The rules are
 * general on purpose, so a new DTO or operation gets them without anyone remembering to.
 */
final class OpenApiRefinements implements DefinitionProcessor {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** Every tag in use, in the order Swagger UI and generated clients show them. */
  static final Map<String, String> TAGS = tags();

  /** The classes holding the DTO records, whose simple names are the schemas' names. */
  private static final List<Class<?>> DTO_HOLDERS =
      List.of(
          AuthDtos.class,
          BookingDtos.class,
          EventDtos.class,
          HoldDtos.class,
          ReviewDtos.class,
          TicketDtos.class,
          WaitlistDtos.class,
          Problem.class,
          HealthController.class,
          WaitlistController.class);

  private final Map<String, Class<?>> dtos = dtoClasses();
  private final Set<String> adminOnly;

  /** {@code routes}: the routing table, which knows who may call what. */
  OpenApiRefinements(List<Router.Route> routes) {
    this.adminOnly =
        routes.stream()
            .filter(r -> r.access() == Access.ADMIN)
            .map(r -> OpenApiResponses.key(r.method().name(), r.path()))
            .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public String process(ObjectNode document) {
    declareTags(document);
    ObjectNode schemas = object(object(document, "components"), "schemas");
    for (Map.Entry<String, JsonNode> schema : schemas.properties()) {
      refineSchema(schemas, schema.getKey(), (ObjectNode) schema.getValue());
    }
    for (Map.Entry<String, JsonNode> path : object(document, "paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        refineParameters((ObjectNode) operation.getValue());
      }
    }
    new OpenApiResponses(document, adminOnly).apply();
    return document.toString();
  }

  private static Map<String, String> tags() {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("Auth", "Accounts and sessions: register, log in, rotate and revoke tokens");
    tags.put("Users", "The signed-in account");
    tags.put("Events", "Finding events; creating and running them (administrators)");
    tags.put("Bookings", "Booking seats, listing and cancelling bookings");
    tags.put("Tickets", "A booking's tickets and their QR codes");
    tags.put("Holds", "Seats held for a while before they are booked");
    tags.put("Waiting list", "Waiting for seats of a sold-out event");
    tags.put("Check-in", "The door: checking tickets in (staff and administrators)");
    tags.put("Ratings and comments", "What attendees and visitors say about an event");
    tags.put("Admin", "Accounts and their roles (administrators)");
    tags.put("Operations", "Health and metrics for operators; not under /api/v1");
    return tags;
  }

  private static void declareTags(ObjectNode document) {
    ArrayNode tags = document.putArray("tags");
    TAGS.forEach(
        (name, description) -> tags.addObject().put("name", name).put("description", description));
  }

  private void refineSchema(ObjectNode schemas, String name, ObjectNode schema) {
    JsonNode properties = schema.get("properties");
    if (properties == null) {
      return;
    }
    Optional<Class<?>> dto = Optional.ofNullable(dtos.get(name));
    // The server refuses unknown fields in requests (422), so saying so there is true; answers
    // may gain fields, and a client that rejects unknown ones would break on every addition.
    boolean request = name.endsWith("Request");
    if (!request) {
      schema.remove("additionalProperties");
    }
    ArrayNode required = JSON.arrayNode();
    for (Map.Entry<String, JsonNode> entry : properties.properties()) {
      String field = entry.getKey();
      ObjectNode property = (ObjectNode) entry.getValue();
      typeExample(property);
      if (dto.flatMap(c -> component(c, field)).filter(t -> t == UUID.class).isPresent()) {
        property.put("format", "uuid");
      }
      allowSiblingsOfReference(schemas, (ObjectNode) properties, field, property);
      if (!request && !properties.get(field).path("nullable").asBoolean(false)) {
        required.add(field);
      }
    }
    if (!request) {
      schema.set("required", required);
    }
  }

  /**
   * OpenAPI 3.0 ignores every sibling of {@code $ref} (a description, an example, {@code
   * nullable}): such a reference becomes an {@code allOf} of one, with the siblings and the
   * target's type beside it.
   */
  private static void allowSiblingsOfReference(
      ObjectNode schemas, ObjectNode properties, String field, ObjectNode property) {
    if (!property.has("$ref") || property.size() == 1) {
      return;
    }
    String target = property.get("$ref").asText();
    ObjectNode wrapped = JSON.objectNode();
    wrapped.putArray("allOf").add(reference(target));
    JsonNode type = schemas.path(target.substring(target.lastIndexOf('/') + 1)).get("type");
    if (type != null) {
      wrapped.set("type", type);
    }
    property.properties().stream()
        .filter(e -> !e.getKey().equals("$ref"))
        .forEach(e -> wrapped.set(e.getKey(), e.getValue()));
    properties.set(field, wrapped);
  }

  /** {@code @OpenApiExample} always gives text; a number's example must be a number. */
  private static void typeExample(ObjectNode property) {
    JsonNode example = property.get("example");
    if (example == null || !example.isTextual()) {
      return;
    }
    switch (property.path("type").asText()) {
      case "integer" -> property.put("example", Long.parseLong(example.asText()));
      case "number" -> property.put("example", new BigDecimal(example.asText()));
      case "boolean" -> property.put("example", Boolean.parseBoolean(example.asText()));
      default -> {}
    }
  }

  /**
   * Path parameters are all ids (UUIDs) in this API; the search's {@code sort} takes the parameters
   * of {@link EventSort}.
   */
  private static void refineParameters(ObjectNode operation) {
    for (JsonNode parameter : operation.path("parameters")) {
      ObjectNode schema = (ObjectNode) parameter.get("schema");
      String in = parameter.path("in").asText();
      if (in.equals("path")) {
        schema.put("format", "uuid");
      }
      if (in.equals("query") && parameter.path("name").asText().equals("sort")) {
        ArrayNode values = schema.putArray("enum");
        Arrays.stream(EventSort.values()).map(EventSort::parameter).forEach(values::add);
      }
      typeExample((ObjectNode) parameter);
    }
  }

  private Map<String, Class<?>> dtoClasses() {
    Map<String, Class<?>> classes = new LinkedHashMap<>();
    for (Class<?> holder : DTO_HOLDERS) {
      classes.put(holder.getSimpleName(), holder);
      for (Class<?> nested : holder.getDeclaredClasses()) {
        classes.put(nested.getSimpleName(), nested);
      }
    }
    return classes;
  }

  /** Whether the refinements know the Java type of a schema (its {@code format}s depend on it). */
  boolean knows(String schema) {
    return dtos.containsKey(schema);
  }

  private static Optional<Class<?>> component(Class<?> type, String name) {
    RecordComponent[] components = type.getRecordComponents();
    if (components == null) {
      return Optional.empty();
    }
    return Arrays.stream(components)
        .filter(c -> c.getName().equals(name))
        .<Class<?>>map(RecordComponent::getType)
        .findFirst();
  }

  static ObjectNode reference(String target) {
    return JSON.objectNode().put("$ref", target);
  }

  static ObjectNode object(ObjectNode parent, String field) {
    JsonNode node = parent.get(field);
    return node instanceof ObjectNode object ? object : parent.putObject(field);
  }
}
