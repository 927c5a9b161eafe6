package boxoffice.app.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON of an outbox payload, bounded whatever a request put into it, so every destination can
 * take the row: the audit service refuses payloads over 64 KiB and a refused row is parked, not
 * delivered. Text is cut with a marker that keeps the original length and a SHA-256 of it (enough
 * to match a cut value against a suspect one); NUL characters, which PostgreSQL's jsonb cannot
 * hold, become U+FFFD.
 */
final class BoundedPayload {
  /** The longest free text the API takes (an event's description) fits uncut. */
  static final int MAX_TEXT_CHARS = 5_000;

  /**
   * Values that are only keys get the bound of their kind: an email address has at most 254
   * characters (RFC 5321), so a longer one is an attack or a mistake, never an address.
   */
  static final Map<String, Integer> MAX_CHARS_BY_FIELD = Map.of("email", 254);

  /**
   * The whole payload as written here. jsonb prints it with a space after each ':' and ',', so the
   * text the relay reads stays well under the audit service's 64 KiB.
   */
  static final int MAX_JSON_BYTES = 32 * 1024;

  /** Text is never cut shorter than this while the payload is shrunk to fit. */
  private static final int SHORTEST_CUT = 64;

  private static final ObjectMapper JSON = new ObjectMapper();

  private BoundedPayload() {}

  static String json(Map<String, Object> payload) {
    JsonNode original = JSON.valueToTree(payload);
    for (int limit = MAX_TEXT_CHARS; ; limit = Math.max(SHORTEST_CUT, limit / 2)) {
      JsonNode tree = original.deepCopy();
      bound(tree, null, limit);
      String json = write(tree);
      if (bytes(json) <= MAX_JSON_BYTES) {
        return json;
      }
      if (limit == SHORTEST_CUT) {
        break;
      }
    }
    // Too many fields rather than too long ones: keep only what identifies the original.
    String json = write(original);
    return write(
        JSON.createObjectNode()
            .put("truncated", true)
            .put("originalBytes", bytes(json))
            .put("sha256", sha256(json)));
  }

  /** Bounds every text value under {@code node}; {@code field} names the value being bounded. */
  private static void bound(JsonNode node, String field, int limit) {
    if (node instanceof ObjectNode object) {
      for (String name : object.properties().stream().map(Map.Entry::getKey).toList()) {
        JsonNode value = object.get(name);
        Optional<String> text = boundedText(value, name, limit);
        if (text.isPresent()) {
          object.put(name, text.get());
        } else {
          bound(value, name, limit);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        Optional<String> text = boundedText(array.get(i), field, limit);
        if (text.isPresent()) {
          array.set(i, TextNode.valueOf(text.get()));
        } else {
          bound(array.get(i), field, limit);
        }
      }
    }
  }

  /** The bounded form of a text value that needs one; empty for other nodes and fine text. */
  private static Optional<String> boundedText(JsonNode node, String field, int limit) {
    if (!node.isTextual()) {
      return Optional.empty();
    }
    String text = node.textValue();
    int max = Math.min(limit, MAX_CHARS_BY_FIELD.getOrDefault(field, MAX_TEXT_CHARS));
    String clean = text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
    if (clean.length() > max) {
      int end = Character.isHighSurrogate(clean.charAt(max - 1)) ? max - 1 : max;
      clean =
          clean.substring(0, end)
              + "…[cut from "
              + text.length()
              + " chars, sha256 "
              + sha256(text)
              + "]";
    }
    return clean.equals(text) ? Optional.empty() : Optional.of(clean);
  }

  private static int bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String write(JsonNode tree) {
    try {
      return JSON.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree is always serialisable", e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
