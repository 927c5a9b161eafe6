package boxoffice.app.service;

/**
 * Port: the stored JSON payload of an outbox message, for adapters that write outbox rows in their
 * own statements (a booking's seat, booking and outbox row in one round trip). Every payload is
 * made by the one implementation of this port, bounded so every destination can take it.
 */
public interface OutboxEncoding {
  /** The payload of {@code message} as a JSON object. */
  String json(OutboxMessage message);
}
