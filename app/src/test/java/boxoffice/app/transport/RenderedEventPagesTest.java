package boxoffice.app.transport;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.transport.EventDtos.EventResponse;
import boxoffice.app.transport.EventDtos.RatingResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RenderedEventPagesTest {
  private static final UUID ID = UUID.fromString("7f1f0c2e-5b7c-4d7e-9a43-2b1e6f0c9d11");
  private final ObjectMapper mapper = JsonMapperFactory.create();
  private final RenderedEventPages pages = new RenderedEventPages(mapper);

  @Test
  void aPageRendersAsTheMapperWritesItAndIsReusedWhileNothingChanged() throws Exception {
    byte[] first = pages.json(page(3, 497, 0.0));

    assertThat(first).isEqualTo(mapper.writeValueAsBytes(page(3, 497, 0.0)));
    assertThat(pages.json(page(3, 497, 0.0))).isSameAs(first);
  }

  @Test
  void anyChangeRendersThePageAfresh() {
    byte[] before = pages.json(page(3, 497, 0.0));

    String afterBooking = text(pages.json(page(4, 496, 0.0)));
    String afterExpiredHold = text(pages.json(page(4, 497, 0.0)));
    String afterRating = text(pages.json(page(4, 497, 4.5)));

    assertThat(text(before)).contains("\"seatsBooked\":3");
    assertThat(afterBooking).contains("\"seatsBooked\":4", "\"seatsAvailable\":496");
    assertThat(afterExpiredHold).contains("\"seatsAvailable\":497");
    assertThat(afterRating).contains("\"average\":4.5");
  }

  private static EventResponse page(int seatsBooked, int seatsAvailable, double rating) {
    Instant created = Instant.parse("2026-12-01T10:00:00Z");
    return new EventResponse(
        ID,
        "Benchmark Night",
        "An evening measured in requests per second.",
        "Main Hall",
        Instant.parse("2030-06-01T19:00:00Z"),
        Instant.parse("2030-06-01T22:00:00Z"),
        500,
        seatsBooked,
        seatsAvailable,
        10,
        "UTC",
        "PUBLISHED",
        1,
        created,
        created,
        new RatingResponse(rating, rating == 0.0 ? 0 : 1));
  }

  private static String text(byte[] json) {
    return new String(json, StandardCharsets.UTF_8);
  }
}
