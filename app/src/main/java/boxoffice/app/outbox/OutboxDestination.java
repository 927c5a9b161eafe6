package boxoffice.app.outbox;

/** Where outbox rows go; each destination tracks its own delivery and parking columns. */
enum OutboxDestination {
  AUDIT("audit"),
  KAFKA("kafka");

  private final String prefix;

  OutboxDestination(String prefix) {
    this.prefix = prefix;
  }

  /*
   * Fixed column names of our schema, never user input, so they may be put into SQL.
   */

  /** When the destination took the row; NULL while it has not. */
  String deliveredColumn() {
    return prefix + "_delivered_at";
  }

  /** When the row was parked because the destination refused it for good; NULL otherwise. */
  String parkedColumn() {
    return prefix + "_parked_at";
  }

  /** Why the destination refused the parked row. */
  String parkedReasonColumn() {
    return prefix + "_parked_reason";
  }
}
