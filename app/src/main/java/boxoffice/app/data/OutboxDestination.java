package boxoffice.app.data;

/** Where outbox rows go; each destination tracks its own delivery column. */
enum OutboxDestination {
  AUDIT("audit_delivered_at"),
  KAFKA("kafka_delivered_at");

  private final String deliveredColumn;

  OutboxDestination(String deliveredColumn) {
    this.deliveredColumn = deliveredColumn;
  }

  /** A fixed column name of our schema, never user input, so it may be put into SQL. */
  String deliveredColumn() {
    return deliveredColumn;
  }
}
