package boxoffice.audit.log;

import java.util.List;

/** What became of a batch: how many entries were stored and how many were already there. */
public record BatchOutcome(int recorded, int duplicates) {

  static BatchOutcome of(List<RecordOutcome> outcomes) {
    int duplicates = (int) outcomes.stream().filter(RecordOutcome::duplicate).count();
    return new BatchOutcome(outcomes.size() - duplicates, duplicates);
  }
}
