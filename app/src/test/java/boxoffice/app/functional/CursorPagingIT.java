package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.Fixtures;
import boxoffice.app.testing.RunningApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Walking the event list page by page stays exact while new events keep arriving. */
class CursorPagingIT {
  private static final Instant BASE = Instant.parse("2031-01-01T18:00:00Z");
  @RegisterExtension static final RunningApp app = RunningApp.perClass();
  private static final Fixtures fixtures = new Fixtures(app);

  @ParameterizedTest
  @ValueSource(strings = {"startsAt", "-startsAt", "title", "-createdAt"})
  void pagesHaveNoDuplicatesAndSkipNothingWhileRowsAreInserted(String sort) {
    String venue = "Venue " + UUID.randomUUID();
    Set<String> existing = new HashSet<>();
    for (int i = 0; i < 40; i++) {
      existing.add(create(venue, i * 2));
    }

    List<String> seen = new ArrayList<>();
    String cursor = null;
    int page = 0;
    do {
      String path =
          "/api/v1/events?limit=7&sort="
              + sort
              + "&venue="
              + venue.replace(" ", "%20")
              + (cursor == null ? "" : "&cursor=" + cursor);
      var response = app.http().get(path);
      assertThat(response.status()).as(response.toString()).isEqualTo(200);
      JsonNode body = response.json();
      body.get("items").forEach(item -> seen.add(item.get("id").asText()));
      cursor = body.get("nextCursor").isNull() ? null : body.get("nextCursor").asText();
      // Newcomers land before, between and after the rows already walked.
      create(venue, page * 13 % 80 + 1);
      create(venue, -5 - page);
      page++;
    } while (cursor != null && page < 100);

    assertThat(seen).doesNotHaveDuplicates();
    assertThat(seen).containsAll(existing);
  }

  private static String create(String venue, int hoursFromBase) {
    String title =
        "Event "
            + String.format("%04d", Math.floorMod(hoursFromBase * 37, 9973))
            + " "
            + UUID.randomUUID();
    var body = new java.util.LinkedHashMap<String, Object>();
    Instant startsAt = BASE.plus(Duration.ofHours(hoursFromBase));
    body.put("title", title);
    body.put("venue", venue);
    body.put("startsAt", startsAt.toString());
    body.put("endsAt", startsAt.plus(Duration.ofHours(2)).toString());
    body.put("capacity", 10);
    body.put("status", "PUBLISHED");
    var response = app.http().post("/api/v1/events", body, fixtures.adminToken());
    assertThat(response.status()).isEqualTo(201);
    return response.json().get("id").asText();
  }
}
