package boxoffice.audit.grpc;

import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counts calls as go-grpc-prometheus names them: {@code grpc_server_started_total}, {@code
 * grpc_server_handled_total} (by final status code) and the {@code grpc_server_handling_seconds}
 * histogram. {@code grpc_method} is the full method name ({@code package.Service/Method}), one of
 * the server's registered methods, so the number of series stays bounded. A call is counted as
 * handled when it is closed, or when it is cancelled first (CANCELLED, or DEADLINE_EXCEEDED when
 * its deadline passed).
 */
public final class CallMetricsInterceptor implements ServerInterceptor {
  private final Counter started;
  private final Counter handled;
  private final Histogram handling;

  /** Registers the series on {@code registry}, at zero for every method of {@code services}. */
  public CallMetricsInterceptor(PrometheusRegistry registry, ServiceDescriptor... services) {
    started =
        Counter.builder()
            .name("grpc_server_started_total")
            .help("RPCs started on the server")
            .labelNames("grpc_method")
            .register(registry);
    handled =
        Counter.builder()
            .name("grpc_server_handled_total")
            .help("RPCs completed on the server, by gRPC status code")
            .labelNames("grpc_method", "grpc_code")
            .register(registry);
    handling =
        Histogram.builder()
            .name("grpc_server_handling_seconds")
            .help("Time from the start of an RPC to its status, on the server")
            .labelNames("grpc_method")
            .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
            .register(registry);
    for (ServiceDescriptor service : services) {
      for (MethodDescriptor<?, ?> method : service.getMethods()) {
        String name = method.getFullMethodName();
        started.labelValues(name);
        handled.labelValues(name, Status.Code.OK.name());
        handling.labelValues(name);
      }
    }
  }

  @Override
  public <Q, A> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
    String method = call.getMethodDescriptor().getFullMethodName();
    long startedAt = System.nanoTime();
    AtomicBoolean finished = new AtomicBoolean();
    started.labelValues(method).inc();
    ServerCall<Q, A> counted =
        new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
          @Override
          public void close(Status status, Metadata trailers) {
            // Counted before the status leaves: a caller that has its answer sees it counted.
            record(method, status.getCode(), startedAt, finished);
            super.close(status, trailers);
          }
        };
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(
        next.startCall(counted, headers)) {
      @Override
      public void onCancel() {
        record(method, CallStatuses.ofCancelledCall().getCode(), startedAt, finished);
        super.onCancel();
      }
    };
  }

  private void record(String method, Status.Code code, long startedAt, AtomicBoolean finished) {
    if (finished.compareAndSet(false, true)) {
      handled.labelValues(method, code.name()).inc();
      handling.labelValues(method).observe((System.nanoTime() - startedAt) / 1e9);
    }
  }
}
