package boxoffice.notification.functional;

import static boxoffice.notification.functional.NotificationFixture.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.notification.functional.AppData.Booking;
import boxoffice.notification.functional.AppData.Event;
import boxoffice.notification.functional.AppData.Ticket;
import boxoffice.notification.functional.AppData.User;
import boxoffice.notification.functional.ReceivedEmail.Image;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Schema version 2: confirmations with each ticket's code and QR code, and cancelled tickets. */
class TicketEmailsIT {
  private static final Instant START = Instant.parse("2027-05-01T19:00:00Z");
  private static final Pattern CID_IMAGE = Pattern.compile("<img src=\"cid:([^\"]+)\"");
  @AutoClose static final NotificationFixture fixture = NotificationFixture.started();

  @Test
  void aConfirmationShowsEveryTicketCodeAndItsQrCodeAsAnInlineImage() throws Exception {
    User ada = fixture.appData.user("Ada <Lovelace>");
    Event event = fixture.appData.event("Rock & <Roll>", "Hall & Co", START);
    Booking booking = fixture.appData.book(event, ada, 3);
    // The message's order is the email's order, whatever order the rows were written in.
    List<Ticket> tickets = new ArrayList<>(fixture.appData.issueTickets(booking)).reversed();
    UUID messageId = UUID.randomUUID();

    fixture.publish(
        event.id().toString(), Messages.bookingCreated(messageId, booking, idsOf(tickets)));

    ReceivedEmail email = fixture.mailbox.awaitTo(ada.email(), 1, TIMEOUT).get(0);
    assertThat(email.subject()).isEqualTo("Booking confirmed: Rock & <Roll>");
    assertThat(email.messageId()).isEqualTo(messageId.toString());
    assertThat(email.contentType())
        .startsWith("multipart/related")
        .contains("type=\"multipart/alternative\"");
    assertThat(email.text())
        .contains("Hello Ada <Lovelace>,")
        .contains("Tickets:  3")
        .contains(booking.id().toString());
    assertThat(email.html())
        .contains("Rock &amp; &lt;Roll&gt;")
        .contains("Hello Ada &lt;Lovelace&gt;,")
        .doesNotContain("<Roll>");
    for (int i = 0; i < tickets.size(); i++) {
      String code = tickets.get(i).code();
      assertThat(email.text()).contains("Ticket " + (i + 1) + " of 3: " + code);
      assertThat(email.html()).contains(code);
    }
    assertThat(positionsOf(email.text(), tickets)).isSorted();
    assertThat(positionsOf(email.html(), tickets)).isSorted();

    // One inline PNG per ticket, each the QR code of its ticket, named by the HTML in order.
    List<String> referenced = cidsOf(email.html());
    assertThat(referenced)
        .containsExactlyElementsOf(
            tickets.stream().map(t -> "ticket-" + t.id() + "@boxoffice").toList());
    assertThat(email.html())
        .contains(
            "<img src=\"cid:ticket-"
                + tickets.get(0).id()
                + "@boxoffice\" alt=\"QR code of ticket");
    assertThat(email.images()).hasSize(3);
    for (int i = 0; i < tickets.size(); i++) {
      Image image = email.images().get(i);
      assertThat(image.contentType()).startsWith("image/png");
      assertThat(image.disposition()).isEqualTo("inline");
      assertThat(image.contentId()).isEqualTo("<" + referenced.get(i) + ">");
      assertThat(qrText(image.bytes())).isEqualTo(tickets.get(i).code());
    }
  }

  @Test
  void aTicketThatIsNotTheBookingsIsLeftOut() throws Exception {
    User grace = fixture.appData.user("Grace");
    Event event = fixture.appData.event("Jazz", "Blue Room", START);
    Booking booking = fixture.appData.book(event, grace, 3);
    Ticket first = fixture.appData.ticket(booking);
    Ticket second = fixture.appData.ticket(booking);
    Booking other = fixture.appData.book(event, fixture.appData.user("Other"), 1);
    Ticket notHers = fixture.appData.ticket(other);

    fixture.publish(
        event.id().toString(),
        Messages.bookingCreated(
            UUID.randomUUID(), booking, List.of(first.id(), notHers.id(), second.id())));

    ReceivedEmail email = fixture.mailbox.awaitTo(grace.email(), 1, TIMEOUT).get(0);
    assertThat(email.text()).contains(first.code()).contains(second.code());
    assertThat(email.text() + email.html()).doesNotContain(notHers.code());
    assertThat(email.images())
        .extracting(image -> qrText(image.bytes()))
        .containsExactly(first.code(), second.code());
  }

  @Test
  void aVersion1ConfirmationIsTheEmailOfBeforeTickets() {
    User linus = fixture.appData.user("Linus");
    Event event = fixture.appData.event("Kernel Talk", "Aula", START);
    Booking booking = fixture.appData.book(event, linus, 2);
    List<Ticket> tickets = fixture.appData.issueTickets(booking);

    fixture.publish(event.id().toString(), Messages.bookingCreated(UUID.randomUUID(), booking));

    ReceivedEmail email = fixture.mailbox.awaitTo(linus.email(), 1, TIMEOUT).get(0);
    assertThat(email.subject()).isEqualTo("Booking confirmed: Kernel Talk");
    assertThat(email.contentType()).startsWith("multipart/alternative");
    assertThat(email.text()).contains("Tickets:  2").contains(booking.id().toString());
    assertThat(email.images()).isEmpty();
    assertThat(email.html()).doesNotContain("<img");
    for (Ticket ticket : tickets) {
      assertThat(email.text() + email.html()).doesNotContain(ticket.code());
    }
  }

  @Test
  void aBookingOfTenTicketsIsOneSmallEmail() throws Exception {
    User many = fixture.appData.user("Many");
    Event event = fixture.appData.event("Big Show", "Arena", START);
    Booking booking = fixture.appData.book(event, many, 10);
    List<Ticket> tickets = fixture.appData.issueTickets(booking);

    fixture.publish(
        event.id().toString(), Messages.bookingCreated(UUID.randomUUID(), booking, idsOf(tickets)));

    ReceivedEmail email = fixture.mailbox.awaitTo(many.email(), 1, TIMEOUT).get(0);
    assertThat(email.images()).hasSize(10);
    for (int i = 0; i < tickets.size(); i++) {
      assertThat(qrText(email.images().get(i).bytes())).isEqualTo(tickets.get(i).code());
    }
    // About 15 kB, base64 included: far below what mail servers take (commonly 10 MB or more).
    assertThat(email.size()).isLessThan(64 * 1024);
  }

  @Test
  void aTicketCancelledByItsBookerSaysHowManyRemain() {
    User alan = fixture.appData.user("Alan");
    Event event = fixture.appData.event("Chess & <Go>", "Library", START);
    Booking booking = fixture.appData.book(event, alan, 3);
    Ticket ticket = fixture.appData.ticket(booking);
    UUID messageId = UUID.randomUUID();

    fixture.publish(
        event.id().toString(),
        Messages.ticketCancelled(messageId, booking, ticket.id(), 2, "USER"));

    ReceivedEmail email = fixture.mailbox.awaitTo(alan.email(), 1, TIMEOUT).get(0);
    assertThat(email.subject()).isEqualTo("Ticket cancelled: Chess & <Go>");
    assertThat(email.toName()).isEqualTo("Alan");
    assertThat(email.messageId()).isEqualTo(messageId.toString());
    assertThat(email.contentType()).startsWith("multipart/alternative");
    assertThat(email.text())
        .contains("One ticket of your booking " + booking.id())
        .contains("as you asked")
        .contains("2 tickets of the booking remain valid")
        .contains("Sat 1 May 2027, 19:00 UTC")
        .contains(ticket.id().toString())
        .doesNotContain(ticket.code());
    assertThat(email.html())
        .contains("Chess &amp; &lt;Go&gt;")
        .contains("as you asked")
        .doesNotContain("<Go>");
  }

  @Test
  void theLastTicketCancelledByTheTeamCancelsTheBooking() {
    User hedy = fixture.appData.user("Hedy");
    Event event = fixture.appData.event("Film Night", "Cinema", START);
    Booking booking = fixture.appData.book(event, hedy, 1);
    Ticket ticket = fixture.appData.ticket(booking);

    fixture.publish(
        event.id().toString(),
        Messages.ticketCancelled(UUID.randomUUID(), booking, ticket.id(), 0, "ADMIN"));

    ReceivedEmail email = fixture.mailbox.awaitTo(hedy.email(), 1, TIMEOUT).get(0);
    assertThat(email.subject()).isEqualTo("Ticket cancelled: Film Night");
    assertThat(email.text())
        .contains("has been cancelled by the Boxoffice team")
        .contains("the booking is now cancelled")
        .doesNotContain("remain valid")
        .doesNotContain("as you asked");
    assertThat(email.html()).contains("by the Boxoffice team").contains("now cancelled");
  }

  @Test
  void oneOfSeveralTicketsCancelledByTheTeamLeavesTheOthersValid() {
    User joan = fixture.appData.user("Joan");
    Event event = fixture.appData.event("Opera", "Stage", START);
    Booking booking = fixture.appData.book(event, joan, 2);
    Ticket ticket = fixture.appData.ticket(booking);

    fixture.publish(
        event.id().toString(),
        Messages.ticketCancelled(UUID.randomUUID(), booking, ticket.id(), 1, "ADMIN"));

    ReceivedEmail email = fixture.mailbox.awaitTo(joan.email(), 1, TIMEOUT).get(0);
    assertThat(email.text())
        .contains("by the Boxoffice team")
        .contains("1 ticket of the booking remains valid");
  }

  @Test
  void aBookerWhoCancelsTheirLastTicketIsToldTheBookingIsCancelled() {
    User ken = fixture.appData.user("Ken");
    Event event = fixture.appData.event("Unix Talk", "Lab", START);
    Booking booking = fixture.appData.book(event, ken, 1);
    Ticket ticket = fixture.appData.ticket(booking);

    fixture.publish(
        event.id().toString(),
        Messages.ticketCancelled(UUID.randomUUID(), booking, ticket.id(), 0, "USER"));

    ReceivedEmail email = fixture.mailbox.awaitTo(ken.email(), 1, TIMEOUT).get(0);
    assertThat(email.text()).contains("as you asked").contains("the booking is now cancelled");
  }

  private static List<UUID> idsOf(List<Ticket> tickets) {
    return tickets.stream().map(Ticket::id).toList();
  }

  private static List<Integer> positionsOf(String body, List<Ticket> tickets) {
    return tickets.stream().map(ticket -> body.indexOf(ticket.code())).toList();
  }

  private static List<String> cidsOf(String html) {
    List<String> cids = new ArrayList<>();
    Matcher cid = CID_IMAGE.matcher(html);
    while (cid.find()) {
      cids.add(cid.group(1));
    }
    return cids;
  }

  /**
   * Reads the QR code of a PNG image as it was sent (an unaltered, upright rendering, hence {@code
   * PURE_BARCODE}): the generic detector misses the finder patterns of about one random code in a
   * hundred even in a clean image, which would make these tests flaky for no fault of the email.
   */
  private static String qrText(byte[] png) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      int[] pixels =
          image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
      var source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
      return new QRCodeReader()
          .decode(
              new BinaryBitmap(new HybridBinarizer(source)),
              Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
          .getText();
    } catch (IOException | ReaderException e) {
      throw new AssertionError("not a readable QR code image: " + e, e);
    }
  }
}
