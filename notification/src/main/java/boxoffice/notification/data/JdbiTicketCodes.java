package boxoffice.notification.data;

import boxoffice.notification.service.StoreUnavailableException;
import boxoffice.notification.service.TicketCode;
import boxoffice.notification.service.TicketCodes;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Ticket codes read from the booking app's {@code tickets} table (its id, booking_id and code
 * columns are the contract with the app) over the read-only connection. Only ids are bound, so
 * neither a span nor an error message (Jdbi quotes the bound values) ever holds a code.
 */
public final class JdbiTicketCodes implements TicketCodes {
  private final Jdbi appDb;

  public JdbiTicketCodes(Jdbi appDb) {
    this.appDb = appDb;
  }

  @Override
  public List<TicketCode> of(UUID bookingId, List<UUID> ticketIds) {
    if (ticketIds.isEmpty()) {
      return List.of();
    }
    List<TicketCode> found;
    try {
      // The primary key serves the lookup; booking_id keeps another booking's ticket out.
      found =
          appDb.withHandle(
              handle ->
                  handle
                      .createQuery(
                          "SELECT id, code FROM tickets"
                              + " WHERE id = ANY(:ids) AND booking_id = :bookingId")
                      .bindArray("ids", UUID.class, ticketIds)
                      .bind("bookingId", bookingId)
                      .map(
                          (rs, ctx) ->
                              new TicketCode(rs.getObject("id", UUID.class), rs.getString("code")))
                      .list());
    } catch (JdbiException e) {
      throw new StoreUnavailableException("app database: " + e.getMessage(), e);
    }
    Map<UUID, TicketCode> byId =
        found.stream().collect(Collectors.toMap(TicketCode::ticketId, Function.identity()));
    return ticketIds.stream().distinct().map(byId::get).filter(Objects::nonNull).toList();
  }
}
