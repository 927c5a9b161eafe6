package boxoffice.audit.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import boxoffice.audit.v1.AuditEntry;
import boxoffice.audit.v1.AuditServiceGrpc;
import boxoffice.audit.v1.QueryRequest;
import boxoffice.audit.v1.RecordBatchRequest;
import boxoffice.audit.v1.RecordRequest;
import boxoffice.audit.v1.VerifyChainRequest;
import io.grpc.ClientInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuthenticationIT {
  @RegisterExtension static final RunningAuditServer audit = new RunningAuditServer();

  @Test
  void aCallWithoutATokenIsUnauthenticated() {
    var anonymous = AuditServiceGrpc.newBlockingStub(audit.channel());

    assertThatExceptionOfType(StatusRuntimeException.class)
        .isThrownBy(() -> anonymous.verifyChain(VerifyChainRequest.getDefaultInstance()))
        .satisfies(e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED))
        .withMessageContaining("missing authorization");
  }

  @Test
  void aCallWithTheWrongTokenIsUnauthenticated() {
    var stranger = stub(TestAuditServer.bearer("not-the-shared-token"));

    assertThatExceptionOfType(StatusRuntimeException.class)
        .isThrownBy(() -> stranger.verifyChain(VerifyChainRequest.getDefaultInstance()))
        .satisfies(e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED))
        .withMessageContaining("invalid bearer token");
  }

  @Test
  void aTokenThatIsOnlyAPrefixOfTheRightOneIsUnauthenticated() {
    String prefix = TestAuditServer.TOKEN.substring(0, TestAuditServer.TOKEN.length() - 1);

    assertThat(codeOf(stub(TestAuditServer.bearer(prefix)))).isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void theRightTokenUnderAnotherSchemeIsUnauthenticated() {
    var basic = stub(TestAuditServer.authorization("Basic " + TestAuditServer.TOKEN));

    assertThatExceptionOfType(StatusRuntimeException.class)
        .isThrownBy(() -> basic.verifyChain(VerifyChainRequest.getDefaultInstance()))
        .satisfies(e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED))
        .withMessageContaining("Bearer");
  }

  @Test
  void theSchemeNameIsCaseInsensitive() {
    var lowerCase = stub(TestAuditServer.authorization("bearer " + TestAuditServer.TOKEN));

    assertThat(lowerCase.verifyChain(VerifyChainRequest.getDefaultInstance()).getValid()).isTrue();
  }

  @ParameterizedTest(name = "{0} without a token is refused")
  @MethodSource("everyMethod")
  void everyMethodRefusesCallsWithoutAToken(
      String method, Consumer<AuditServiceGrpc.AuditServiceBlockingStub> call) {
    var anonymous = AuditServiceGrpc.newBlockingStub(audit.channel());

    assertThatExceptionOfType(StatusRuntimeException.class)
        .isThrownBy(() -> call.accept(anonymous))
        .satisfies(e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
  }

  @Test
  void anUnauthenticatedRecordStoresNothing() {
    AuditEntry entry = Entries.entry();
    var stranger = stub(TestAuditServer.bearer("not-the-shared-token"));

    assertThatExceptionOfType(StatusRuntimeException.class)
        .isThrownBy(() -> stranger.record(RecordRequest.newBuilder().setEntry(entry).build()));

    assertThat(
            AuditDatabase.count(
                audit.database(), "entry_id = ?", UUID.fromString(entry.getEntryId())))
        .isZero();
  }

  static Stream<Arguments> everyMethod() {
    Consumer<AuditServiceGrpc.AuditServiceBlockingStub> record =
        stub -> stub.record(RecordRequest.newBuilder().setEntry(Entries.entry()).build());
    Consumer<AuditServiceGrpc.AuditServiceBlockingStub> batch =
        stub ->
            stub.recordBatch(RecordBatchRequest.newBuilder().addEntries(Entries.entry()).build());
    Consumer<AuditServiceGrpc.AuditServiceBlockingStub> query =
        stub -> stub.query(QueryRequest.getDefaultInstance()).hasNext();
    Consumer<AuditServiceGrpc.AuditServiceBlockingStub> verify =
        stub -> stub.verifyChain(VerifyChainRequest.getDefaultInstance());
    return Stream.of(
        Arguments.of("Record", record),
        Arguments.of("RecordBatch", batch),
        Arguments.of("Query", query),
        Arguments.of("VerifyChain", verify));
  }

  private static AuditServiceGrpc.AuditServiceBlockingStub stub(ClientInterceptor credentials) {
    return AuditServiceGrpc.newBlockingStub(audit.channel()).withInterceptors(credentials);
  }

  private static Status.Code codeOf(AuditServiceGrpc.AuditServiceBlockingStub stub) {
    try {
      stub.verifyChain(VerifyChainRequest.getDefaultInstance());
      return Status.Code.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode();
    }
  }
}
