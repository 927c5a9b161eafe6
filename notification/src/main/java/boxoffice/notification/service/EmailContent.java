package boxoffice.notification.service;

import java.util.List;

/**
 * What an email says, before it is rendered as plain text and HTML: plain strings only, so that
 * rendering alone decides how user text is escaped. {@code tickets} are shown with their codes and
 * QR codes (a booking confirmation of schema version 2; empty otherwise).
 */
record EmailContent(
    String subject,
    String greeting,
    String lead,
    List<Detail> details,
    List<Changed> changes,
    List<TicketCode> tickets,
    String closing) {

  EmailContent {
    details = List.copyOf(details);
    changes = List.copyOf(changes);
    tickets = List.copyOf(tickets);
  }

  /** A labelled fact: "When: Mon 1 Mar 2027, 19:00 UTC". */
  record Detail(String label, String value) {}

  /** A value that changed: "Starts: before ..., now ...". */
  record Changed(String label, String before, String after) {}
}
