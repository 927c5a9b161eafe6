package boxoffice.notification.service;

import java.util.Objects;
import java.util.UUID;

/**
 * A ticket and the code its holder shows at the door. The code is a secret: it lives in the app's
 * database and in the holder's email only, so it is never logged, traced or put in an exception
 * message, and {@link #toString()} leaves it out.
 */
public record TicketCode(UUID ticketId, String code) {
  public TicketCode {
    Objects.requireNonNull(ticketId);
    Objects.requireNonNull(code);
  }

  @Override
  public String toString() {
    return "TicketCode[ticketId=" + ticketId + "]";
  }
}
