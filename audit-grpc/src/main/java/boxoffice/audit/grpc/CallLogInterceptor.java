package boxoffice.audit.grpc;

import static net.logstash.logback.argument.StructuredArguments.kv;
import static net.logstash.logback.argument.StructuredArguments.v;

import io.grpc.ForwardingServerCall;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one JSON line per finished call: method, status, duration and peer. Metadata (where the
 * token travels) and messages are never logged.
 */
public final class CallLogInterceptor implements ServerInterceptor {
  private static final Logger LOG = LoggerFactory.getLogger(CallLogInterceptor.class);

  @Override
  public <Q, A> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
    long started = System.nanoTime();
    ServerCall<Q, A> logged =
        new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
          @Override
          public void close(Status status, Metadata trailers) {
            long millis = (System.nanoTime() - started) / 1_000_000;
            LOG.info(
                "call {} {} in {} ms",
                v("method", call.getMethodDescriptor().getFullMethodName()),
                v("status", status.getCode().name()),
                v("durationMs", millis),
                kv(
                    "peer",
                    String.valueOf(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR))),
                kv("description", status.getDescription() == null ? "" : status.getDescription()));
            super.close(status, trailers);
          }
        };
    return next.startCall(logged, headers);
  }
}
