package boxoffice.notification.service;

import boxoffice.notification.service.Email.InlineQrCode;
import boxoffice.notification.service.EmailContent.Changed;
import boxoffice.notification.service.EmailContent.Detail;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Renders {@link EmailContent} as a plain-text body and an HTML alternative; the HTML shows each
 * ticket's QR code, an image sent inline with the email (so it shows without loading anything from
 * the web) and referenced by its Content-ID.
 */
final class EmailRenderer {
  private static final String LABEL_CELL = "<th style=\"text-align:left;padding:2px 16px 2px 0\">";
  private static final String CELL = "<td style=\"padding:2px 16px 2px 0\">";
  private static final String TICKET_CELL =
      "<td style=\"padding:8px 16px 8px 0;vertical-align:middle\">";
  private static final String TICKETS_INTRO =
      "Your tickets. Show one code per person at the door, and keep them to yourself: anyone"
          + " holding a code can get in with it.";

  Email render(UUID messageId, Recipient to, EmailContent content) {
    return new Email(
        messageId, to, content.subject(), text(content), html(content), qrCodes(content.tickets()));
  }

  /** The Content-ID of a ticket's QR code image, as the HTML names it after {@code cid:}. */
  static String contentId(TicketCode ticket) {
    return "ticket-" + ticket.ticketId() + "@boxoffice";
  }

  private static List<InlineQrCode> qrCodes(List<TicketCode> tickets) {
    return tickets.stream()
        .map(
            ticket ->
                new InlineQrCode(
                    contentId(ticket), "ticket-" + ticket.ticketId() + ".png", ticket.code()))
        .toList();
  }

  private static String text(EmailContent content) {
    StringBuilder out = new StringBuilder();
    out.append(content.greeting()).append("\n\n").append(content.lead()).append("\n\n");
    int width = 0;
    for (Detail detail : content.details()) {
      width = Math.max(width, detail.label().length() + 1);
    }
    for (Detail detail : content.details()) {
      out.append(pad(detail.label() + ":", width + 2)).append(detail.value()).append('\n');
    }
    if (!content.changes().isEmpty()) {
      out.append("\nWhat changed:\n");
      for (Changed change : content.changes()) {
        out.append("  ").append(change.label()).append('\n');
        out.append("    before: ").append(change.before()).append('\n');
        out.append("    now:    ").append(change.after()).append('\n');
      }
    }
    List<TicketCode> tickets = content.tickets();
    if (!tickets.isEmpty()) {
      out.append('\n').append(TICKETS_INTRO).append('\n');
      for (int i = 0; i < tickets.size(); i++) {
        out.append("  ")
            .append(ticketName(i, tickets.size()))
            .append(": ")
            .append(tickets.get(i).code())
            .append('\n');
      }
    }
    out.append('\n').append(content.closing()).append('\n');
    return out.toString();
  }

  private static String html(EmailContent content) {
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>")
        .append(escape(content.subject()))
        .append("</title></head>\n")
        .append(
            "<body style=\"font-family:Helvetica,Arial,sans-serif;line-height:1.5;color:#222\">\n")
        .append("<p>")
        .append(escape(content.greeting()))
        .append("</p>\n<p>")
        .append(escape(content.lead()))
        .append("</p>\n<table role=\"presentation\" style=\"border-collapse:collapse\">\n");
    for (Detail detail : content.details()) {
      row(out, detail.label(), escape(detail.value()));
    }
    out.append("</table>\n");
    if (!content.changes().isEmpty()) {
      out.append("<p><strong>What changed</strong></p>\n")
          .append("<table style=\"border-collapse:collapse\">\n<tr><th></th>")
          .append(LABEL_CELL)
          .append("Before</th>")
          .append(LABEL_CELL)
          .append("Now</th></tr>\n");
      for (Changed change : content.changes()) {
        row(
            out,
            change.label(),
            "<s>" + escape(change.before()) + "</s>",
            "<strong>" + escape(change.after()) + "</strong>");
      }
      out.append("</table>\n");
    }
    List<TicketCode> tickets = content.tickets();
    if (!tickets.isEmpty()) {
      out.append("<p>")
          .append(escape(TICKETS_INTRO))
          .append("</p>\n<table role=\"presentation\" style=\"border-collapse:collapse\">\n");
      for (int i = 0; i < tickets.size(); i++) {
        String name = ticketName(i, tickets.size());
        out.append("<tr>")
            .append(TICKET_CELL)
            .append("<img src=\"cid:")
            .append(escape(contentId(tickets.get(i))))
            .append("\" alt=\"QR code of ")
            .append(escape(name.toLowerCase(Locale.ROOT)))
            .append("\" width=\"300\" height=\"300\" style=\"display:block\"></td>")
            .append(TICKET_CELL)
            .append(escape(name))
            .append("<br><code style=\"font-size:16px\">")
            .append(escape(tickets.get(i).code()))
            .append("</code></td></tr>\n");
      }
      out.append("</table>\n");
    }
    out.append("<p>").append(escape(content.closing())).append("</p>\n</body>\n</html>\n");
    return out.toString();
  }

  /** Text as HTML character data or a quoted attribute value. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A table row: its label, then cells of HTML already escaped. */
  private static void row(StringBuilder out, String label, String... cells) {
    out.append("<tr>").append(LABEL_CELL).append(escape(label)).append("</th>");
    for (String cell : cells) {
      out.append(CELL).append(cell).append("</td>");
    }
    out.append("</tr>\n");
  }

  /** "Ticket 2 of 3". */
  private static String ticketName(int index, int count) {
    return "Ticket " + (index + 1) + " of " + count;
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
  }
}
