package boxoffice.notification.functional;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * An OpenTelemetry SDK whose finished spans go, one by one as they end, to an {@link
 * InMemorySpanExporter}; a test waits for the spans it expects without polling.
 */
final class RecordedSpans implements SpanProcessor {
  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final OpenTelemetrySdk sdk =
      OpenTelemetrySdk.builder()
          .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(this).build())
          .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
          .build();

  OpenTelemetrySdk sdk() {
    return sdk;
  }

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {}

  @Override
  public boolean isStartRequired() {
    return false;
  }

  @Override
  public synchronized void onEnd(ReadableSpan span) {
    exporter.export(List.of(span.toSpanData()));
    notifyAll();
  }

  @Override
  public boolean isEndRequired() {
    return true;
  }

  /** Waits until {@code count} finished spans match; returns them all. */
  synchronized List<SpanData> await(Predicate<SpanData> match, int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<SpanData> found = exporter.getFinishedSpanItems().stream().filter(match).toList();
      if (found.size() >= count) {
        return found;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "expected " + count + " matching span(s) within " + timeout + ", got " + found);
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  /** Every span finished so far. */
  synchronized List<SpanData> all() {
    return exporter.getFinishedSpanItems();
  }
}
