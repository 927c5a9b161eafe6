package boxoffice.app.functional;

import static boxoffice.app.testing.BoxofficeApi.EVENTS;
import static boxoffice.app.testing.BoxofficeApi.eventBody;
import static boxoffice.app.testing.BoxofficeApi.field;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.BoxofficeApi;
import boxoffice.app.testing.RunningApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Searching, filtering, sorting and paging the event list. */
class EventSearchIT {
  private static final Instant FAR = Instant.parse("2040-01-01T10:00:00Z");
  @RegisterExtension static final RunningApp app = RunningApp.perClass();
  private static final BoxofficeApi api = new BoxofficeApi(app);
  private static int venues;

  // --- search ---

  @Test
  void searchWordsMatchPrefixesOfTitleOrDescriptionCaseInsensitivelyAndAllMustMatch() {
    String venue = newVenue();
    String midnight = publishedAt(venue, "Midnight Jazz Session", "Smooth saxophone", FAR);
    String rock = publishedAt(venue, "Rock Classics", "Guitars and JAZZY drums", FAR);
    String brunch = publishedAt(venue, "Jazz Brunch", "Pancakes and saxophones", FAR);
    publishedAt(venue, "Poetry", "Quiet words", FAR);

    assertThat(searchIds(venue, "q=jazz")).containsExactlyInAnyOrder(midnight, rock, brunch);
    assertThat(searchIds(venue, "q=JaZz")).containsExactlyInAnyOrder(midnight, rock, brunch);
    assertThat(searchIds(venue, "q=sax")).containsExactlyInAnyOrder(midnight, brunch);
    assertThat(searchIds(venue, "q=" + enc("jazz sax")))
        .containsExactlyInAnyOrder(midnight, brunch);
    assertThat(searchIds(venue, "q=" + enc("pancake JAZZ"))).containsExactly(brunch);
    assertThat(searchIds(venue, "q=" + enc("poetry jazz"))).isEmpty();
    assertThat(searchIds(venue, "q=azz")).isEmpty();
  }

  @Test
  void searchFiltersByStatus() {
    String venue = newVenue();
    String published = publishedAt(venue, "Still on", "", FAR);
    String cancelled = publishedAt(venue, "Called off", "", FAR.plusSeconds(60));
    api.changeStatus(cancelled, "CANCELLED");
    String draft = draftAt(venue, "Not yet", FAR);

    assertThat(searchIds(venue, "status=CANCELLED")).containsExactly(cancelled);
    assertThat(searchIds(venue, "status=published")).containsExactly(published);
    assertThat(searchIds(venue, "")).containsExactly(published, cancelled);
    assertThat(searchIds(venue, "status=DRAFT", admin())).containsExactly(draft);
  }

  @Test
  void searchTimeRangeIncludesFromAndExcludesTo() {
    String venue = newVenue();
    Instant t = FAR.plus(Duration.ofDays(30));
    String first = publishedAt(venue, "First", "", t);
    String second = publishedAt(venue, "Second", "", t.plus(Duration.ofHours(1)));
    String third = publishedAt(venue, "Third", "", t.plus(Duration.ofHours(2)));
    String oneHourLater = t.plus(Duration.ofHours(1)).toString();

    assertThat(searchIds(venue, "from=" + oneHourLater)).containsExactly(second, third);
    assertThat(searchIds(venue, "to=" + oneHourLater)).containsExactly(first);
    assertThat(searchIds(venue, "from=" + t + "&to=" + t.plus(Duration.ofHours(2))))
        .containsExactly(first, second);
    assertThat(searchIds(venue, "from=" + enc("2040-01-31T12:00:00+02:00")))
        .containsExactly(first, second, third);
  }

  @Test
  void searchMatchesTheWholeVenueCaseInsensitively() {
    String venue = newVenue();
    String hall = publishedAt(venue, "In the hall", "", FAR);
    publishedAt(venue + " Annex", "In the annex", "", FAR);

    var response = app.http().get(EVENTS + "?venue=" + enc(venue.toUpperCase(Locale.ROOT)));

    assertThat(field(response.json().get("items"), "id")).containsExactly(hall);
    assertThat(searchIds(venue.toLowerCase(Locale.ROOT), "")).containsExactly(hall);
  }

  @Test
  void searchSortsByEachOrder() {
    String venue = newVenue();
    String bravo = publishedAt(venue, "Bravo", "", FAR.plus(Duration.ofDays(2)));
    String alpha = publishedAt(venue, "Alpha", "", FAR.plus(Duration.ofDays(3)));
    String charlie = publishedAt(venue, "Charlie", "", FAR.plus(Duration.ofDays(1)));

    assertThat(searchIds(venue, "")).containsExactly(charlie, bravo, alpha);
    assertThat(searchIds(venue, "sort=startsAt")).containsExactly(charlie, bravo, alpha);
    assertThat(searchIds(venue, "sort=-startsAt")).containsExactly(alpha, bravo, charlie);
    assertThat(searchIds(venue, "sort=title")).containsExactly(alpha, bravo, charlie);
    assertThat(searchIds(venue, "sort=-createdAt")).containsExactly(charlie, alpha, bravo);
  }

  @Test
  void invalidSearchParametersAreBadRequests() {
    for (String query :
        List.of(
            "sort=bogus",
            "sort=-title",
            "status=OPEN",
            "from=yesterday",
            "to=2040-13-01T00:00:00Z",
            "from=2040-01-01",
            "limit=0",
            "limit=101",
            "limit=abc")) {
      var response = app.http().get(EVENTS + "?" + query);
      assertThat(response.status()).as(query).isEqualTo(400);
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }
    assertThat(app.http().get(EVENTS + "?limit=1").status()).isEqualTo(200);
    assertThat(app.http().get(EVENTS + "?limit=100").status()).isEqualTo(200);
  }

  @Test
  void draftsAreNeverListedForAnonymousCallersOrUsers() {
    String venue = newVenue();
    String published = publishedAt(venue, "Visible", "", FAR);
    String draft = draftAt(venue, "Invisible", FAR);
    String user = api.newUser().token();

    for (String token : new String[] {null, user}) {
      assertThat(searchIds(venue, "", token)).containsExactly(published);
      assertThat(searchIds(venue, "status=DRAFT", token)).isEmpty();
      assertThat(searchIds(venue, "q=invisible", token)).isEmpty();
    }
    assertThat(searchIds(venue, "", admin())).containsExactlyInAnyOrder(published, draft);
    assertThat(searchIds(venue, "status=DRAFT", admin())).containsExactly(draft);
  }

  @Test
  void pagingThroughEverySortReturnsEachEventExactlyOnce() {
    String venue = newVenue();
    List<String> ids = new ArrayList<>();
    // Shared titles and start times make the id tie-breaker matter.
    for (int i = 0; i < 7; i++) {
      String title = i % 2 == 0 ? "Same Title" : "Other Title " + i;
      ids.add(publishedAt(venue, title, "", FAR.plus(Duration.ofHours(i / 3))));
    }

    for (String sort : List.of("startsAt", "-startsAt", "title", "-createdAt")) {
      List<String> whole = searchIds(venue, "sort=" + sort + "&limit=100");
      List<JsonNode> paged =
          api.allPages(
              EVENTS + "?venue=" + enc(venue) + "&sort=" + sort + "&limit=2",
              null,
              page -> page.get("items").size() <= 2);

      assertThat(whole).as(sort).containsExactlyInAnyOrderElementsOf(ids);
      assertThat(field(paged, "id")).as(sort).containsExactlyElementsOf(whole);
    }
  }

  @Test
  void searchFindsWordsOfScriptsThatUseCombiningMarks() {
    String venue = newVenue();
    String hindi = publishedAt(venue, "हिन्दी संगीत संध्या", "", FAR);
    String thai = publishedAt(venue, "ดนตรีไทย คืนนี้", "", FAR);

    assertThat(searchIds(venue, "q=" + enc("हिन्दी"))).containsExactly(hindi);
    assertThat(searchIds(venue, "q=" + enc("ดนตรีไทย"))).containsExactly(thai);
  }

  @Test
  void aVenueFilterWithANulCharacterIsABadRequestRatherThanAServerError() {
    var response = app.http().get(EVENTS + "?venue=Blue%00Note");

    assertThat(response.status()).isEqualTo(400);
  }

  @Test
  void aSearchTimeOutsideTheStorableRangeIsABadRequestRatherThanAServerError() {
    assertThat(app.http().get(EVENTS + "?from=" + enc("+300000-01-01T00:00:00Z")).status())
        .isEqualTo(400);
    assertThat(app.http().get(EVENTS + "?to=" + enc("-5000-01-01T00:00:00Z")).status())
        .isEqualTo(400);
  }

  @Test
  void aTitleWithAControlCharacterIsEitherRefusedOrPagesLikeAnyOther() {
    String venue = newVenue();
    Map<String, Object> body = eventBody("Unit\u001fSeparator", FAR);
    body.put("venue", venue);
    body.put("status", "PUBLISHED");
    var created = api.createEvent(body, admin());
    if (created.status() == 422) {
      return; // refusing control characters up front is a fine answer too
    }
    assertThat(created.status()).isEqualTo(201);
    publishedAt(venue, "Zulu", "", FAR);

    List<JsonNode> paged =
        api.allPages(
            EVENTS + "?venue=" + enc(venue) + "&sort=title&limit=1",
            null,
            page -> page.get("items").size() <= 1);

    assertThat(field(paged, "title")).containsExactly("Unit\u001fSeparator", "Zulu");
  }

  @Test
  void aGarbageCursorOrOneFromAnotherSortIsABadRequest() {
    String venue = newVenue();
    publishedAt(venue, "One", "", FAR);
    publishedAt(venue, "Two", "", FAR.plusSeconds(1));
    String byTitle =
        app.http()
            .get(EVENTS + "?venue=" + enc(venue) + "&sort=title&limit=1")
            .json()
            .get("nextCursor")
            .asText();

    assertThat(app.http().get(EVENTS + "?cursor=garbage").status()).isEqualTo(400);
    assertThat(app.http().get(EVENTS + "?sort=startsAt&cursor=" + byTitle).status()).isEqualTo(400);
    assertThat(app.http().get(EVENTS + "?cursor=" + byTitle).status()).isEqualTo(400);
    assertThat(app.http().get(EVENTS + "?sort=title&cursor=" + byTitle).status()).isEqualTo(200);
  }

  private static String admin() {
    return api.admin().token();
  }

  private static synchronized String newVenue() {
    venues++;
    return "Search Hall " + venues + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String publishedAt(String venue, String title, String text, Instant startsAt) {
    Map<String, Object> body = eventBody(title, startsAt);
    body.put("venue", venue);
    body.put("description", text);
    return api.published(body);
  }

  private static String draftAt(String venue, String title, Instant startsAt) {
    Map<String, Object> body = eventBody(title, startsAt);
    body.put("venue", venue);
    return api.created(body).get("id").asText();
  }

  private static List<String> searchIds(String venue, String query) {
    return searchIds(venue, query, null);
  }

  private static List<String> searchIds(String venue, String query, String token) {
    String path = EVENTS + "?venue=" + enc(venue) + (query.isEmpty() ? "" : "&" + query);
    var response = app.http().get(path, token);
    assertThat(response.status()).as("%s -> %s", path, response).isEqualTo(200);
    assertThat(response.json().get("nextCursor").isNull()).as(path).isTrue();
    return field(response.json().get("items"), "id");
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
