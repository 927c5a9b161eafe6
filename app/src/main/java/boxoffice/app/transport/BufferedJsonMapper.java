package boxoffice.app.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;

/**
 * Javalin's JSON through our mapper, serialised to one byte array. Responses are small; a single
 * buffer is much cheaper than the piped stream Javalin otherwise copies a byte at a time.
 */
final class BufferedJsonMapper implements JsonMapper {
  private final ObjectMapper mapper;

  BufferedJsonMapper(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public String toJsonString(Object obj, Type type) {
    try {
      return mapper.writeValueAsString(obj);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("response bodies are always serialisable", e);
    }
  }

  @Override
  public InputStream toJsonStream(Object obj, Type type) {
    try {
      return new ByteArrayInputStream(mapper.writeValueAsBytes(obj));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("response bodies are always serialisable", e);
    }
  }

  @Override
  public <T> T fromJsonString(String json, Type type) {
    try {
      return mapper.readValue(json, mapper.constructType(type));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON for " + type.getTypeName(), e);
    }
  }

  @Override
  public <T> T fromJsonStream(InputStream json, Type type) {
    try {
      return mapper.readValue(json, mapper.constructType(type));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
