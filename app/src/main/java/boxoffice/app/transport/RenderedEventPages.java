package boxoffice.app.transport;

import boxoffice.app.transport.EventDtos.EventResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON of the event pages served last, reused for as long as a page would render the same. A
 * popular event is read far more often than it changes, and comparing a response with the one
 * rendered before costs a few field comparisons where serialising it again costs a tenth of a
 * cached read. Any difference (a booking, an edit, a hold expiring) renders afresh.
 */
final class RenderedEventPages {
  /** About 600 bytes per page: a few megabytes at most. */
  private static final int MAX_PAGES = 4096;

  private final ObjectMapper mapper;
  private final Map<UUID, Rendered> last = new ConcurrentHashMap<>();

  @Inject
  RenderedEventPages(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  byte[] json(EventResponse response) {
    Rendered rendered = last.get(response.id());
    if (rendered != null && rendered.response().equals(response)) {
      return rendered.json();
    }
    byte[] json;
    try {
      json = mapper.writeValueAsBytes(response);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("response bodies are always serialisable", e);
    }
    if (last.size() >= MAX_PAGES) {
      last.clear(); // a crude bound, but the pages worth keeping come back at their next read
    }
    last.put(response.id(), new Rendered(response, json));
    return json;
  }

  private record Rendered(EventResponse response, byte[] json) {}
}
