package boxoffice.app.functional;

import static boxoffice.app.testing.BoxofficeApi.EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.BoxofficeApi;
import boxoffice.app.testing.RunningApp;
import boxoffice.app.testing.TestHttpClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tickets of a booking, their QR codes, cancelling one seat, and the per-user limit. */
class TicketsIT {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();
  private static final BoxofficeApi api = new BoxofficeApi(app);

  @Test
  void aBookingOfThreeSeatsHoldsThreeValidTicketsWithUnguessableCodes() {
    String eventId = api.publishedWithCapacity("Three seats", 10);
    BoxofficeApi.Account holder = api.newUser();
    String bookingId = api.booked(eventId, 3, holder.token());

    var response = tickets(bookingId, holder.token());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Cache-Control")).contains("no-store");
    JsonNode items = response.json().get("items");
    assertThat(items).hasSize(3);
    var codes = new HashSet<String>();
    for (JsonNode ticket : items) {
      assertThat(ticket.get("bookingId").asText()).isEqualTo(bookingId);
      assertThat(ticket.get("eventId").asText()).isEqualTo(eventId);
      assertThat(ticket.get("status").asText()).isEqualTo("VALID");
      assertThat(ticket.get("checkedInAt").isNull()).isTrue();
      assertThat(ticket.get("code").asText()).matches("[0-9a-f]{32}"); // 128 random bits
      codes.add(ticket.get("code").asText());
    }
    assertThat(codes).hasSize(3);
  }

  @Test
  void onlyTheOwnerAndAdministratorsSeeTheTickets() {
    String eventId = api.publishedWithCapacity("Private tickets", 10);
    String bookingId = api.booked(eventId, 1, api.newUser().token());
    String stranger = api.newUser().token();

    assertThat(tickets(bookingId, stranger).status()).isEqualTo(404);
    assertThat(tickets(bookingId, api.admin().token()).status()).isEqualTo(200);
    assertThat(tickets(bookingId, null).status()).isEqualTo(401);
    assertThat(tickets(UUID.randomUUID().toString(), stranger).status()).isEqualTo(404);
    String ticketId = firstTicket(bookingId, api.admin().token()).get("id").asText();
    assertThat(qr(ticketId, stranger).statusCode()).isEqualTo(404);
    assertThat(cancelTicket(ticketId, stranger).status()).isEqualTo(404);
  }

  @Test
  void theQrCodeDecodesToTheTicketsCode() throws Exception {
    String eventId = api.publishedWithCapacity("Scan me", 10);
    BoxofficeApi.Account holder = api.newUser();
    JsonNode ticket = firstTicket(api.booked(eventId, 1, holder.token()), holder.token());

    HttpResponse<byte[]> png = qr(ticket.get("id").asText(), holder.token());

    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(png.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
    assertThat(decodeQr(png.body())).isEqualTo(ticket.get("code").asText());
  }

  @Test
  void cancellingOneTicketFreesOneSeatAndTheLastOneCancelsTheBooking() {
    String eventId = api.publishedWithCapacity("Partial", 10);
    BoxofficeApi.Account holder = api.newUser();
    String bookingId = api.booked(eventId, 2, holder.token());
    List<String> ticketIds = ticketIds(bookingId, holder.token());

    var first = cancelTicket(ticketIds.get(0), holder.token());

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().get("status").asText()).isEqualTo("VOID");
    JsonNode booking = booking(bookingId, holder.token());
    assertThat(booking.get("quantity").asInt()).isEqualTo(1);
    assertThat(booking.get("status").asText()).isEqualTo("CONFIRMED");
    assertThat(seatsBooked(eventId)).isEqualTo(1);

    var again = cancelTicket(ticketIds.get(0), holder.token());
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("status").asText()).isEqualTo("VOID");
    assertThat(seatsBooked(eventId)).isEqualTo(1);

    assertThat(cancelTicket(ticketIds.get(1), api.admin().token()).status()).isEqualTo(200);
    booking = booking(bookingId, holder.token());
    assertThat(booking.get("quantity").asInt()).isZero();
    assertThat(booking.get("status").asText()).isEqualTo("CANCELLED");
    assertThat(booking.get("cancelledAt").isNull()).isFalse();
    assertThat(seatsBooked(eventId)).isZero();
  }

  @Test
  void cancellingTheBookingVoidsAllItsTickets() {
    String eventId = api.publishedWithCapacity("Whole booking", 10);
    BoxofficeApi.Account holder = api.newUser();
    String bookingId = api.booked(eventId, 3, holder.token());
    cancelTicket(ticketIds(bookingId, holder.token()).get(0), holder.token());

    var cancelled =
        app.http().post("/api/v1/bookings/" + bookingId + "/cancel", Map.of(), holder.token());

    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.json().get("quantity").asInt()).isZero();
    assertThat(tickets(bookingId, holder.token()).json().get("items"))
        .allSatisfy(t -> assertThat(t.get("status").asText()).isEqualTo("VOID"));
    assertThat(seatsBooked(eventId)).isZero();
  }

  @Test
  void aTicketCannotBeCancelledOnceTheEventHasStarted() {
    // Within the access token's 15 minutes, so the holder stays signed in.
    String eventId = api.publishedStartingIn("Starting soon", Duration.ofMinutes(5));
    BoxofficeApi.Account holder = api.newUser();
    String ticketId = ticketIds(api.booked(eventId, 1, holder.token()), holder.token()).get(0);
    app.clock().advance(Duration.ofMinutes(6));
    try {
      var late = cancelTicket(ticketId, holder.token());

      assertThat(late.status()).isEqualTo(409);
      assertThat(late.json().get("code").asText()).isEqualTo("CANCELLATION_CLOSED");
      assertThat(seatsBooked(eventId)).isEqualTo(1);
    } finally {
      app.clock().advance(Duration.ofMinutes(6).negated());
    }
  }

  @Test
  void oneUsersTicketsAcrossBookingsNeverPassTheEventsLimit() {
    String eventId = api.publishedWithLimit("Fair share", 100, 4);
    BoxofficeApi.Account holder = api.newUser();
    String first = api.booked(eventId, 3, holder.token());

    var over = api.book(eventId, 2, holder.token());

    assertThat(over.status()).isEqualTo(409);
    assertThat(over.json().get("code").asText()).isEqualTo("LIMIT_REACHED");
    assertThat(over.json().get("remaining").asInt()).isEqualTo(1);
    assertThat(seatsBooked(eventId)).isEqualTo(3);
    // Another user is not affected, and a cancelled ticket no longer counts.
    assertThat(api.book(eventId, 4, api.newUser().token()).status()).isEqualTo(201);
    cancelTicket(ticketIds(first, holder.token()).get(0), holder.token());
    assertThat(api.book(eventId, 2, holder.token()).status()).isEqualTo(201);
    var full = api.book(eventId, 1, holder.token());
    assertThat(full.status()).isEqualTo(409);
    assertThat(full.json().get("remaining").asInt()).isZero();
  }

  @Test
  void aSingleBookingAboveTheLimitIsRefusedWithWhatRemains() {
    String eventId = api.publishedWithLimit("Small limit", 100, 2);

    var over = api.book(eventId, 3, api.newUser().token());

    assertThat(over.status()).isEqualTo(409);
    assertThat(over.json().get("code").asText()).isEqualTo("LIMIT_REACHED");
    assertThat(over.json().get("remaining").asInt()).isEqualTo(2);
    assertThat(seatsBooked(eventId)).isZero();
  }

  @Test
  void theLimitIsPartOfTheEventAndValidated() {
    var defaults = api.event(api.publishedWithCapacity("Default limit", 10), null).json();
    assertThat(defaults.get("maxTicketsPerUser").asInt()).isEqualTo(10);

    for (int invalid : new int[] {0, 101, -1}) {
      Map<String, Object> body = BoxofficeApi.eventBody("Bad limit");
      body.put("maxTicketsPerUser", invalid);
      var refused = api.createEvent(body, api.admin().token());
      assertThat(refused.status()).as("%d", invalid).isEqualTo(422);
      assertThat(BoxofficeApi.errorFields(refused)).containsExactly("maxTicketsPerUser");
    }
    String eventId = api.publishedWithLimit("Patched limit", 10, 3);
    var patched =
        api.patch(
            EVENTS + "/" + eventId, Map.of("maxTicketsPerUser", 5), api.admin().token(), null);
    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.json().get("maxTicketsPerUser").asInt()).isEqualTo(5);
  }

  @Test
  void anEventHasAnIanaTimeZoneDefaultingToTheConfiguredOne() {
    var defaults = api.event(api.publishedWithCapacity("Zoned by default", 10), null).json();
    assertThat(defaults.get("timeZone").asText()).isEqualTo("UTC");

    Map<String, Object> body = BoxofficeApi.eventBody("Tokyo night");
    body.put("timeZone", "Asia/Tokyo");
    var tokyo = api.createEvent(body, api.admin().token());
    assertThat(tokyo.status()).isEqualTo(201);
    assertThat(tokyo.json().get("timeZone").asText()).isEqualTo("Asia/Tokyo");
    var moved =
        api.patch(
            EVENTS + "/" + tokyo.json().get("id").asText(),
            Map.of("timeZone", "Europe/Berlin"),
            api.admin().token(),
            null);
    assertThat(moved.json().get("timeZone").asText()).isEqualTo("Europe/Berlin");
    body.put("timeZone", "+09:00");
    var offset = api.createEvent(body, api.admin().token());
    assertThat(offset.status()).isEqualTo(422);
    assertThat(BoxofficeApi.errorFields(offset)).containsExactly("timeZone");
  }

  @Test
  void aRefusalCarriesAStableCode() {
    String eventId = api.publishedWithCapacity("Tiny", 1);
    api.booked(eventId, 1, api.newUser().token());

    var soldOut = api.book(eventId, 1, api.newUser().token());
    var draft = api.book(api.draft("Not yet"), 1, api.newUser().token());

    assertThat(soldOut.json().get("code").asText()).isEqualTo("SOLD_OUT");
    assertThat(draft.status()).isEqualTo(404); // drafts are invisible to users
    String cancelledEvent = api.publishedWithCapacity("Called off", 5);
    api.changeStatus(cancelledEvent, "CANCELLED");
    var notBookable = api.book(cancelledEvent, 1, api.newUser().token());
    assertThat(notBookable.status()).isEqualTo(409);
    assertThat(notBookable.json().get("code").asText()).isEqualTo("EVENT_NOT_BOOKABLE");
  }

  private static TestHttpClient.Response tickets(String bookingId, String token) {
    return api.tickets(bookingId, token);
  }

  private static JsonNode firstTicket(String bookingId, String token) {
    return api.firstTicket(bookingId, token);
  }

  private static List<String> ticketIds(String bookingId, String token) {
    List<String> ids = new ArrayList<>();
    tickets(bookingId, token).json().get("items").forEach(t -> ids.add(t.get("id").asText()));
    return ids;
  }

  private static TestHttpClient.Response cancelTicket(String ticketId, String token) {
    return app.http().post("/api/v1/tickets/" + ticketId + "/cancel", Map.of(), token);
  }

  private static JsonNode booking(String bookingId, String token) {
    return app.http().get("/api/v1/bookings/" + bookingId, token).json();
  }

  private static int seatsBooked(String eventId) {
    return api.event(eventId, api.admin().token()).json().get("seatsBooked").asInt();
  }

  private static HttpResponse<byte[]> qr(String ticketId, String token) {
    try {
      return java.net.http.HttpClient.newHttpClient()
          .send(
              app.http().request("/api/v1/tickets/" + ticketId + "/qr", token).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads the QR code in a PNG image, as a scanner at the door would. */
  static String decodeQr(byte[] png) throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    int[] pixels =
        image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    var source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
    // A generated image, not a photo: read it as one. (The photo detector misses about 1 in 100
    // clean images of random codes; PURE_BARCODE reads all of them.)
    return new MultiFormatReader()
        .decode(
            new BinaryBitmap(new HybridBinarizer(source)),
            Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
        .getText();
  }
}
