package boxoffice.audit.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.audit.v1.AuditServiceGrpc;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Health and reflection answer without a token: probes and tools such as grpcurl use them. */
class HealthAndReflectionIT {
  @RegisterExtension static final RunningAuditServer audit = new RunningAuditServer();

  @Test
  void theServerAsAWholeReportsServing() {
    var health = HealthGrpc.newBlockingStub(audit.channel());

    assertThat(health.check(HealthCheckRequest.getDefaultInstance()).getStatus())
        .isEqualTo(ServingStatus.SERVING);
  }

  @Test
  void theAuditServiceReportsServing() {
    var health = HealthGrpc.newBlockingStub(audit.channel());

    assertThat(
            health
                .check(
                    HealthCheckRequest.newBuilder()
                        .setService(AuditServiceGrpc.SERVICE_NAME)
                        .build())
                .getStatus())
        .isEqualTo(ServingStatus.SERVING);
  }

  @Test
  void reflectionListsTheAuditAndHealthServices() throws Exception {
    CompletableFuture<List<String>> services = new CompletableFuture<>();
    StreamObserver<ServerReflectionRequest> requests =
        ServerReflectionGrpc.newStub(audit.channel())
            .serverReflectionInfo(
                new StreamObserver<>() {
                  @Override
                  public void onNext(ServerReflectionResponse response) {
                    services.complete(
                        response.getListServicesResponse().getServiceList().stream()
                            .map(ServiceResponse::getName)
                            .toList());
                  }

                  @Override
                  public void onError(Throwable failure) {
                    services.completeExceptionally(failure);
                  }

                  @Override
                  public void onCompleted() {}
                });
    requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());

    assertThat(services.get(10, TimeUnit.SECONDS))
        .contains("boxoffice.audit.v1.AuditService", "grpc.health.v1.Health");
    requests.onCompleted();
  }
}
