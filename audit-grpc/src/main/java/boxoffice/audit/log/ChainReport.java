package boxoffice.audit.log;

/**
 * The verdict on the hash chain: valid, or the first entry that breaks it and what is wrong.
 *
 * @param firstBadSequence 0 when valid
 * @param problem empty when valid
 */
public record ChainReport(
    boolean valid, long entriesChecked, long firstBadSequence, String problem) {

  static ChainReport intact(long entriesChecked) {
    return new ChainReport(true, entriesChecked, 0, "");
  }

  static ChainReport broken(long entriesChecked, long firstBadSequence, String problem) {
    return new ChainReport(false, entriesChecked, firstBadSequence, problem);
  }
}
