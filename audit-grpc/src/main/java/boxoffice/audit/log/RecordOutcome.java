package boxoffice.audit.log;

/** What became of one entry: its sequence, and whether it had been stored before. */
public record RecordOutcome(long sequence, boolean duplicate) {}
