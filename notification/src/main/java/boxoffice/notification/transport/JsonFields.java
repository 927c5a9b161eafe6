package boxoffice.notification.transport;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Typed reads of a JSON object's fields; every failure names the field by its full path. */
final class JsonFields {
  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final JsonNode object;
  private final String path;

  private JsonFields(JsonNode object, String path) {
    this.object = object;
    this.path = path;
  }

  static JsonFields root(JsonNode object) throws MalformedMessageException {
    if (object == null || !object.isObject()) {
      throw new MalformedMessageException("not a JSON object");
    }
    return new JsonFields(object, "");
  }

  boolean has(String name) {
    JsonNode value = object.get(name);
    return value != null && !value.isNull();
  }

  JsonNode required(String name) throws MalformedMessageException {
    JsonNode value = object.get(name);
    if (value == null || value.isNull()) {
      throw new MalformedMessageException("missing field " + path + name);
    }
    return value;
  }

  String text(String name) throws MalformedMessageException {
    JsonNode value = required(name);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new MalformedMessageException("field " + path + name + " must be non-empty text");
    }
    return value.asText();
  }

  UUID uuid(String name) throws MalformedMessageException {
    return uuid(required(name), path + name);
  }

  /** A non-empty array of UUIDs, in its order. */
  List<UUID> uuids(String name) throws MalformedMessageException {
    JsonNode value = required(name);
    if (!value.isArray() || value.isEmpty()) {
      throw new MalformedMessageException(
          "field " + path + name + " must be a non-empty array of UUIDs");
    }
    List<UUID> ids = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      ids.add(uuid(value.get(i), path + name + "[" + i + "]"));
    }
    return ids;
  }

  private static UUID uuid(JsonNode value, String fieldPath) throws MalformedMessageException {
    if (!value.isTextual() || !UUID_TEXT.matcher(value.asText()).matches()) {
      throw new MalformedMessageException("field " + fieldPath + " must be a UUID");
    }
    return UUID.fromString(value.asText());
  }

  /** An RFC 3339 timestamp with an offset, e.g. {@code 2027-03-01T19:00:00Z}. */
  Instant instant(String name) throws MalformedMessageException {
    JsonNode value = required(name);
    if (value.isTextual()) {
      try {
        return OffsetDateTime.parse(value.asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
            .toInstant();
      } catch (DateTimeParseException e) {
        // Reported below.
      }
    }
    throw new MalformedMessageException(
        "field " + path + name + " must be an RFC 3339 timestamp with an offset");
  }

  int positiveInt(String name) throws MalformedMessageException {
    JsonNode value = required(name);
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 1) {
      throw new MalformedMessageException("field " + path + name + " must be a positive integer");
    }
    return value.asInt();
  }

  int nonNegativeInt(String name) throws MalformedMessageException {
    JsonNode value = required(name);
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0) {
      throw new MalformedMessageException(
          "field " + path + name + " must be a non-negative integer");
    }
    return value.asInt();
  }

  JsonFields object(String name) throws MalformedMessageException {
    JsonNode value = required(name);
    if (!value.isObject()) {
      throw new MalformedMessageException("field " + path + name + " must be a JSON object");
    }
    return new JsonFields(value, path + name + ".");
  }

  Optional<JsonFields> optionalObject(String name) throws MalformedMessageException {
    return has(name) ? Optional.of(object(name)) : Optional.empty();
  }
}
