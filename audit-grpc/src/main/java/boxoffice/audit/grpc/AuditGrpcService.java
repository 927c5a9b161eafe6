package boxoffice.audit.grpc;

import boxoffice.audit.log.AuditLog;
import boxoffice.audit.log.BatchOutcome;
import boxoffice.audit.log.ChainReport;
import boxoffice.audit.log.InvalidRequestException;
import boxoffice.audit.log.NewEntry;
import boxoffice.audit.log.RecordOutcome;
import boxoffice.audit.v1.AuditEntry;
import boxoffice.audit.v1.AuditServiceGrpc;
import boxoffice.audit.v1.QueryRequest;
import boxoffice.audit.v1.RecordBatchRequest;
import boxoffice.audit.v1.RecordBatchResponse;
import boxoffice.audit.v1.RecordRequest;
import boxoffice.audit.v1.RecordResponse;
import boxoffice.audit.v1.VerifyChainRequest;
import boxoffice.audit.v1.VerifyChainResponse;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@code boxoffice.audit.v1.AuditService} RPCs: turns requests into calls on {@link AuditLog}
 * and its answers and failures into responses and statuses ({@link CallStatuses}).
 */
public final class AuditGrpcService extends AuditServiceGrpc.AuditServiceImplBase {
  private final AuditLog log;
  private final Duration statementTimeout;

  /**
   * @param statementTimeout the longest any database statement may run, whatever the deadline
   */
  public AuditGrpcService(AuditLog log, Duration statementTimeout) {
    this.log = log;
    this.statementTimeout = statementTimeout;
  }

  @Override
  public void record(RecordRequest request, StreamObserver<RecordResponse> response) {
    answer(
        response,
        () -> {
          if (!request.hasEntry()) {
            throw new InvalidRequestException("entry is required");
          }
          NewEntry entry = EntryMessages.toNewEntry(request.getEntry(), "entry");
          RecordOutcome outcome = log.record(entry, budget());
          return RecordResponse.newBuilder()
              .setSequence(outcome.sequence())
              .setDuplicate(outcome.duplicate())
              .build();
        });
  }

  @Override
  public void recordBatch(
      RecordBatchRequest request, StreamObserver<RecordBatchResponse> response) {
    answer(
        response,
        () -> {
          List<NewEntry> entries = new ArrayList<>(request.getEntriesCount());
          List<AuditEntry> messages = request.getEntriesList();
          for (int i = 0; i < messages.size(); i++) {
            entries.add(EntryMessages.toNewEntry(messages.get(i), "entries[" + i + "]"));
          }
          BatchOutcome outcome = log.recordBatch(entries, budget());
          return RecordBatchResponse.newBuilder()
              .setRecorded(outcome.recorded())
              .setDuplicates(outcome.duplicates())
              .build();
        });
  }

  @Override
  public void query(QueryRequest request, StreamObserver<AuditEntry> response) {
    try {
      log.query(
          EntryMessages.toQuery(request),
          budget(),
          entry -> response.onNext(EntryMessages.toMessage(entry)));
      response.onCompleted();
    } catch (StatusRuntimeException e) {
      // The caller went away while entries were being sent: nobody is left to answer.
    } catch (Exception e) {
      response.onError(CallStatuses.of(e).asRuntimeException());
    }
  }

  @Override
  public void verifyChain(
      VerifyChainRequest request, StreamObserver<VerifyChainResponse> response) {
    answer(
        response,
        () -> {
          ChainReport report = log.verify(budget());
          return VerifyChainResponse.newBuilder()
              .setValid(report.valid())
              .setEntriesChecked(report.entriesChecked())
              .setFirstBadSequence(report.firstBadSequence())
              .setProblem(report.problem())
              .build();
        });
  }

  private ContextTimeBudget budget() {
    return ContextTimeBudget.ofCurrentCall(statementTimeout);
  }

  private static <T> void answer(StreamObserver<T> response, Supplier<T> work) {
    T answer;
    try {
      answer = work.get();
    } catch (Exception e) {
      response.onError(CallStatuses.of(e).asRuntimeException());
      return;
    }
    response.onNext(answer);
    response.onCompleted();
  }
}
