package boxoffice.app.service;

/** Port: records a change in the outbox, inside the caller's transaction. */
public interface Outbox {
  void record(OutboxMessage message);
}
