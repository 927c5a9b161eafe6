package boxoffice.audit.grpc;

import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.MDC;

/**
 * A SERVER span per call, named after the full method name, continuing the caller's trace when its
 * metadata carries a W3C {@code traceparent}. While the call runs, the span is the current one (so
 * database spans nest under it) and its ids are in the logging context as {@code traceId} and
 * {@code spanId}. The span ends with the call's status ({@code rpc.grpc.status_code}); any status
 * but OK marks it as an error.
 */
public final class CallTracingInterceptor implements ServerInterceptor {
  static final String TRACE_ID = "traceId";
  static final String SPAN_ID = "spanId";

  private static final TextMapGetter<Metadata> METADATA =
      new TextMapGetter<>() {
        @Override
        public String get(Metadata carrier, String key) {
          if (carrier == null || key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
            return null;
          }
          try {
            return carrier.get(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER));
          } catch (IllegalArgumentException e) {
            return null; // not a legal metadata key, so not in the metadata either
          }
        }
      };

  private final Tracer tracer;
  private final TextMapPropagator propagator;

  public CallTracingInterceptor(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer("boxoffice.audit.grpc");
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
  }

  @Override
  public <Q, A> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
    Context parent = propagator.extract(Context.root(), headers, METADATA);
    Span span = startSpan(call, parent);
    Context traced = parent.with(span);
    TracedCall<Q, A> tracedCall = new TracedCall<>(call, span);
    ServerCall.Listener<Q> listener;
    CallScope scope = CallScope.enter(traced, span);
    try {
      listener = next.startCall(tracedCall, headers);
    } catch (RuntimeException e) {
      span.recordException(e);
      tracedCall.end(Status.fromThrowable(e));
      throw e;
    } finally {
      scope.close();
    }
    return new TracedListener<>(listener, traced, span, tracedCall);
  }

  private Span startSpan(ServerCall<?, ?> call, Context parent) {
    MethodDescriptor<?, ?> method = call.getMethodDescriptor();
    SpanBuilder span =
        tracer
            .spanBuilder(method.getFullMethodName())
            .setParent(parent)
            .setSpanKind(SpanKind.SERVER)
            .setAttribute("rpc.system", "grpc")
            .setAttribute("rpc.service", String.valueOf(method.getServiceName()))
            .setAttribute("rpc.method", String.valueOf(method.getBareMethodName()));
    SocketAddress peer = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
    if (peer instanceof InetSocketAddress address && address.getAddress() != null) {
      span.setAttribute("network.peer.address", address.getAddress().getHostAddress());
      span.setAttribute("network.peer.port", (long) address.getPort());
    }
    return span.startSpan();
  }

  /** Ends the span with the status the call is closed with, before the status is sent. */
  private static final class TracedCall<Q, A>
      extends ForwardingServerCall.SimpleForwardingServerCall<Q, A> {
    private final Span span;
    private final AtomicBoolean ended = new AtomicBoolean();

    TracedCall(ServerCall<Q, A> call, Span span) {
      super(call);
      this.span = span;
    }

    @Override
    public void close(Status status, Metadata trailers) {
      end(status);
      super.close(status, trailers);
    }

    /** Ends the span once, with the first status it learns of. */
    void end(Status status) {
      if (!ended.compareAndSet(false, true)) {
        return;
      }
      span.setAttribute("rpc.grpc.status_code", (long) status.getCode().value());
      if (!status.isOk()) {
        String description = status.getDescription();
        span.setStatus(
            StatusCode.ERROR,
            description == null
                ? status.getCode().name()
                : status.getCode().name() + ": " + description);
      }
      span.end();
    }
  }

  /** Runs every step of the call with its span current and its ids in the logging context. */
  private static final class TracedListener<Q>
      extends ForwardingServerCallListener.SimpleForwardingServerCallListener<Q> {
    private final Context traced;
    private final Span span;
    private final TracedCall<?, ?> call;

    TracedListener(
        ServerCall.Listener<Q> listener, Context traced, Span span, TracedCall<?, ?> call) {
      super(listener);
      this.traced = traced;
      this.span = span;
      this.call = call;
    }

    @Override
    public void onMessage(Q message) {
      inScope(() -> super.onMessage(message));
    }

    @Override
    public void onHalfClose() {
      inScope(super::onHalfClose);
    }

    @Override
    public void onReady() {
      inScope(super::onReady);
    }

    @Override
    public void onCancel() {
      try {
        inScope(super::onCancel);
      } finally {
        call.end(CallStatuses.ofCancelledCall());
      }
    }

    @Override
    public void onComplete() {
      inScope(super::onComplete);
    }

    private void inScope(Runnable step) {
      CallScope scope = CallScope.enter(traced, span);
      try {
        step.run();
      } finally {
        scope.close();
      }
    }
  }

  /**
   * The span's context made current and its ids put in the MDC; closing restores what was there.
   */
  private static final class CallScope implements AutoCloseable {
    private final Scope scope;
    private final String previousTraceId;
    private final String previousSpanId;
    private final boolean logged;

    private CallScope(Scope scope, SpanContext ids) {
      this.scope = scope;
      this.logged = ids.isValid();
      this.previousTraceId = logged ? MDC.get(TRACE_ID) : null;
      this.previousSpanId = logged ? MDC.get(SPAN_ID) : null;
      if (logged) {
        MDC.put(TRACE_ID, ids.getTraceId());
        MDC.put(SPAN_ID, ids.getSpanId());
      }
    }

    static CallScope enter(Context context, Span span) {
      return new CallScope(context.makeCurrent(), span.getSpanContext());
    }

    @Override
    public void close() {
      if (logged) {
        restore(TRACE_ID, previousTraceId);
        restore(SPAN_ID, previousSpanId);
      }
      scope.close();
    }

    private static void restore(String key, String value) {
      if (value == null) {
        MDC.remove(key);
      } else {
        MDC.put(key, value);
      }
    }
  }
}
