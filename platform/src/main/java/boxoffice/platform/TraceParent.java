package boxoffice.platform;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The W3C {@code traceparent} of the current span, stored with outbox rows and restored later. */
public final class TraceParent {
  public static final String HEADER = "traceparent";
  private static final TextMapGetter<String> SINGLE =
      new TextMapGetter<>() {
        @Override
        public String get(String carrier, String key) {
          return HEADER.equals(key) ? carrier : null;
        }
      };

  private TraceParent() {}

  /** The current trace position, or null outside any (valid) span. */
  public static String current() {
    Map<String, String> carrier = new HashMap<>();
    W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
    return carrier.get(HEADER);
  }

  /** A context continuing the trace of {@code traceParent}, or the root context. */
  public static Context restore(Optional<String> traceParent) {
    return traceParent
        .map(
            value -> W3CTraceContextPropagator.getInstance().extract(Context.root(), value, SINGLE))
        .orElse(Context.root());
  }
}
