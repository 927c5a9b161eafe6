package boxoffice.audit.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.Optional;

/**
 * Checks that text is exactly one JSON object, without building it: the text is stored as received
 * (a parsed and re-written object could change key order or spacing and so its hash).
 */
final class JsonObjectText {
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private static final int MAX_PROBLEM_LENGTH = 200;

  private JsonObjectText() {}

  /** Why the text is not one JSON object, or empty when it is one. */
  static Optional<String> problemWith(String text) {
    try (JsonParser parser = JSON.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return Optional.of("it is empty; send {} for no details");
      }
      if (first != JsonToken.START_OBJECT) {
        return Optional.of("it starts with " + describe(first) + ", not {");
      }
      parser.skipChildren();
      if (parser.nextToken() != null) {
        return Optional.of(
            "text follows the object at column " + parser.currentTokenLocation().getColumnNr());
      }
      return Optional.empty();
    } catch (JsonProcessingException e) {
      String message = String.valueOf(e.getOriginalMessage());
      return Optional.of(
          message.length() <= MAX_PROBLEM_LENGTH
              ? message
              : message.substring(0, MAX_PROBLEM_LENGTH) + "...");
    } catch (IOException e) {
      return Optional.of("unreadable: " + e.getMessage());
    }
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> String.valueOf(token.asString());
    };
  }
}
