package boxoffice.audit.log;

/** Port: counts what the log did. Called once the work has committed. */
public interface AuditMetrics {

  /**
   * One record or batch call finished: {@code appended} entries joined the chain, {@code
   * duplicates} were acknowledged as already recorded and not stored again.
   */
  void recorded(int appended, int duplicates);

  /** A verification of the chain finished; {@code intact} is false when it found tampering. */
  void verified(boolean intact);

  /** Counts nothing. */
  static AuditMetrics none() {
    return new AuditMetrics() {
      @Override
      public void recorded(int appended, int duplicates) {}

      @Override
      public void verified(boolean intact) {}
    };
  }
}
