package boxoffice.app.transport;

import boxoffice.app.domain.ValidationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads a JSON request body into a request record, refusing with the right 4xx: 415 for a wrong
 * content type, 413 for an oversized body, 400 for malformed JSON or a non-object, 422 for fields
 * of the wrong type or unknown fields.
 */
final class JsonBody {
  private final ObjectMapper mapper;
  private final long maxBytes;

  @Inject
  JsonBody(ObjectMapper mapper, MaxBodySize maxBodySize) {
    this.mapper = mapper;
    this.maxBytes = maxBodySize.bytes();
  }

  <T> T read(Context ctx, Class<T> type) {
    requireJsonContentType(ctx.contentType());
    JsonNode tree = parse(readLimited(ctx));
    if (tree == null || !tree.isObject()) {
      throw HttpProblemException.badRequest("The request body must be a JSON object");
    }
    rejectUnstorableText(tree, "");
    try {
      return mapper.treeToValue(tree, type);
    } catch (UnrecognizedPropertyException e) {
      throw ValidationException.of(fieldOf(e), "is not a known field");
    } catch (MismatchedInputException e) {
      throw ValidationException.of(fieldOf(e), "has the wrong type");
    } catch (JsonMappingException e) {
      // e.g. a number too large for its field
      throw ValidationException.of(fieldOf(e), "has a value out of range");
    } catch (JsonProcessingException e) {
      throw HttpProblemException.badRequest("The request body could not be read as JSON");
    } catch (IllegalArgumentException e) {
      // A record constructor refused a value that JSON could express (e.g. an invalid date).
      throw HttpProblemException.badRequest("The request body has a value that cannot be read");
    }
  }

  /**
   * Text the database cannot store faithfully is refused here, naming the field: U+0000 (which
   * PostgreSQL text cannot hold) and unpaired UTF-16 surrogates (which a JSON {@code \\uD800}
   * escape can produce and which UTF-8 encoders silently turn into '?', so a password of lone
   * surrogates would match "????????"). Field names are checked too, but never echoed when bad.
   */
  private static void rejectUnstorableText(JsonNode node, String path) {
    String field = path.isEmpty() ? "body" : path;
    if (node.isTextual()) {
      StorableText.problemWith(node.textValue())
          .ifPresent(
              problem -> {
                throw ValidationException.of(field, "must not contain " + problem);
              });
    }
    if (node.isObject()) {
      node.properties()
          .forEach(
              entry -> {
                String name = entry.getKey();
                StorableText.problemWith(name)
                    .ifPresent(
                        problem -> {
                          throw ValidationException.of(
                              field, "has a field name that contains " + problem);
                        });
                rejectUnstorableText(entry.getValue(), path.isEmpty() ? name : path + "." + name);
              });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        rejectUnstorableText(node.get(i), path + "[" + i + "]");
      }
    }
  }

  private static void requireJsonContentType(String contentType) {
    if (contentType == null) {
      throw HttpProblemException.unsupportedMediaType("Send the body as application/json");
    }
    String[] parts = contentType.split(";");
    boolean json = parts[0].strip().equalsIgnoreCase("application/json");
    boolean utf8 =
        java.util.Arrays.stream(parts)
            .skip(1)
            .map(p -> p.strip().toLowerCase(Locale.ROOT).replace("\"", ""))
            .filter(p -> p.startsWith("charset="))
            .allMatch(p -> p.equals("charset=utf-8"));
    if (!json || !utf8) {
      throw HttpProblemException.unsupportedMediaType("Send the body as application/json in UTF-8");
    }
  }

  private byte[] readLimited(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBytes) {
      throw HttpProblemException.payloadTooLarge(maxBytes);
    }
    // Left set when the read fails: a deadline that interrupted it was the client's slowness.
    ctx.attribute(TimeoutMiddleware.READING_BODY, Boolean.TRUE);
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes((int) maxBytes + 1);
      ctx.attribute(TimeoutMiddleware.READING_BODY, Boolean.FALSE);
      if (body.length > maxBytes) {
        throw HttpProblemException.payloadTooLarge(maxBytes);
      }
      return body;
    } catch (IOException e) {
      throw HttpProblemException.badRequest("The request body could not be read");
    }
  }

  private JsonNode parse(byte[] body) {
    if (body.length == 0) {
      throw HttpProblemException.badRequest("The request body is empty; send a JSON object");
    }
    if (!StorableText.isStrictUtf8(body)) {
      // Jackson lets some invalid sequences through (overlong forms, encoded surrogates).
      throw HttpProblemException.badRequest("The request body is not valid UTF-8");
    }
    try {
      return mapper.readTree(body);
    } catch (IOException e) {
      throw HttpProblemException.badRequest("The request body is not valid JSON");
    }
  }

  private static String fieldOf(JsonMappingException e) {
    List<String> names =
        e.getPath().stream()
            .map(
                ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
            .toList();
    return names.isEmpty() ? "body" : names.stream().collect(Collectors.joining("."));
  }
}
