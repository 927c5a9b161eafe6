package boxoffice.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The booking service's HTTP API as test steps: signed-in accounts (the admin, new users), valid
 * event bodies, creating and publishing events, booking, paging through lists, and the
 * PATCH/PUT/DELETE calls {@link TestHttpClient} has no helper for. Steps that must succeed fail the
 * test when they do not.
 */
public final class BoxofficeApi {
  public static final String EVENTS = "/api/v1/events";

  private final Supplier<TestApp> app;
  private final AtomicInteger accounts = new AtomicInteger();

  /** Steps against {@code app}, e.g. a {@link RunningApp}, looked up at each call. */
  public BoxofficeApi(Supplier<TestApp> app) {
    this.app = app;
  }

  public BoxofficeApi(TestApp app) {
    this(() -> app);
  }

  /** A signed-in account: its id and a fresh access token. */
  public record Account(String id, String email, String token) {}

  public Account admin() {
    return signedIn(TestApp.ADMIN_EMAIL, TestApp.ADMIN_PASSWORD);
  }

  /** Registers a new USER account and signs it in. */
  public Account newUser() {
    String email = "user" + accounts.incrementAndGet() + "@example.org";
    app.get().http().registerAndLogin(email, "password-1");
    return signedIn(email, "password-1");
  }

  /** GET /bookings/{id}/tickets. */
  public TestHttpClient.Response tickets(String bookingId, String token) {
    return app.get().http().get("/api/v1/bookings/" + bookingId + "/tickets", token);
  }

  /** The first ticket of a booking (id, code, status, ...). */
  public JsonNode firstTicket(String bookingId, String token) {
    return tickets(bookingId, token).json().get("items").get(0);
  }

  /** Signs in again, e.g. after moving the clock past the access token's lifetime. */
  public Account signedIn(String email, String password) {
    var login = app.get().http().login(email, password);
    assertThat(login.status()).as("login of %s", email).isEqualTo(200);
    String token = login.json().get("accessToken").asText();
    String id = app.get().http().get("/api/v1/users/me", token).json().get("id").asText();
    return new Account(id, email, token);
  }

  /** A valid event body a week ahead, whole seconds, that tests adjust before sending. */
  public static Map<String, Object> eventBody(String title) {
    Instant startsAt = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);
    return eventBody(title, startsAt);
  }

  public static Map<String, Object> eventBody(String title, Instant startsAt) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", title);
    body.put("description", "An evening of live music");
    body.put("venue", "Blue Note, Berlin");
    body.put("startsAt", startsAt.toString());
    body.put("endsAt", startsAt.plus(Duration.ofHours(3)).toString());
    body.put("capacity", 100);
    return body;
  }

  public TestHttpClient.Response createEvent(Map<String, Object> body, String token) {
    return app.get().http().post(EVENTS, body, token);
  }

  /** Creates an event as the admin and returns it; fails the test unless it was created. */
  public JsonNode created(Map<String, Object> body) {
    var response = createEvent(body, admin().token());
    assertThat(response.status()).as("create %s", response).isEqualTo(201);
    return response.json();
  }

  public String published(Map<String, Object> body) {
    Map<String, Object> withStatus = new LinkedHashMap<>(body);
    withStatus.put("status", "PUBLISHED");
    return created(withStatus).get("id").asText();
  }

  public String publishedWithCapacity(String title, int capacity) {
    Map<String, Object> body = eventBody(title);
    body.put("capacity", capacity);
    return published(body);
  }

  /** A published event whose users may each hold up to {@code maxTicketsPerUser} tickets. */
  public String publishedWithLimit(String title, int capacity, int maxTicketsPerUser) {
    Map<String, Object> body = eventBody(title);
    body.put("capacity", capacity);
    body.put("maxTicketsPerUser", maxTicketsPerUser);
    return published(body);
  }

  /** A published event starting {@code in} from the app's "now". */
  public String publishedStartingIn(String title, Duration in) {
    Instant startsAt = app.get().clock().instant().plus(in).truncatedTo(ChronoUnit.SECONDS);
    return published(eventBody(title, startsAt));
  }

  public String draft(String title) {
    return created(eventBody(title)).get("id").asText();
  }

  public TestHttpClient.Response event(String id, String token) {
    return app.get().http().get(EVENTS + "/" + id, token);
  }

  public TestHttpClient.Response patch(String path, Object body, String token, String ifMatch) {
    var request =
        app.get()
            .http()
            .request(path, token)
            .method("PATCH", BodyPublishers.ofString(TestHttpClient.json(body)))
            .header("Content-Type", "application/json");
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return app.get().http().send(request);
  }

  public TestHttpClient.Response put(String path, Object body, String token) {
    return app.get()
        .http()
        .send(
            app.get()
                .http()
                .request(path, token)
                .PUT(BodyPublishers.ofString(TestHttpClient.json(body)))
                .header("Content-Type", "application/json"));
  }

  public TestHttpClient.Response delete(String path, String token) {
    return app.get().http().send(app.get().http().request(path, token).DELETE());
  }

  public TestHttpClient.Response changeStatus(String eventId, String status) {
    return put(EVENTS + "/" + eventId + "/status", Map.of("status", status), admin().token());
  }

  public TestHttpClient.Response book(String eventId, int quantity, String token) {
    return app.get()
        .http()
        .post(EVENTS + "/" + eventId + "/bookings", Map.of("quantity", quantity), token);
  }

  /** Books and returns the booking id; fails the test unless the booking was made. */
  public String booked(String eventId, int quantity, String token) {
    var response = book(eventId, quantity, token);
    assertThat(response.status()).as("booking %s", response).isEqualTo(201);
    return response.json().get("id").asText();
  }

  /** Follows {@code nextCursor} from {@code firstPage} and collects every item. */
  public List<JsonNode> allPages(String firstPage, String token, Predicate<JsonNode> check) {
    List<JsonNode> items = new ArrayList<>();
    String separator = firstPage.contains("?") ? "&" : "?";
    String cursor = null;
    int pages = 0;
    do {
      String path = cursor == null ? firstPage : firstPage + separator + "cursor=" + cursor;
      var page = app.get().http().get(path, token);
      assertThat(page.status()).as("page %s", page).isEqualTo(200);
      assertThat(check.test(page.json())).as("page check of %s", page).isTrue();
      page.json().get("items").forEach(items::add);
      JsonNode next = page.json().get("nextCursor");
      cursor = next == null || next.isNull() ? null : next.asText();
      pages++;
    } while (cursor != null && pages < 1000);
    return items;
  }

  public static List<String> field(List<JsonNode> items, String name) {
    return items.stream().map(item -> item.get(name).asText()).toList();
  }

  public static List<String> field(JsonNode items, String name) {
    List<String> values = new ArrayList<>();
    items.forEach(item -> values.add(item.get(name).asText()));
    return values;
  }

  /** The {@code field}s named in a 422 problem's {@code errors}. */
  public static List<String> errorFields(TestHttpClient.Response response) {
    JsonNode errors = response.json().get("errors");
    return errors == null ? List.of() : field(errors, "field");
  }
}
