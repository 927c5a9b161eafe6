package boxoffice.testing;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * An OpenTelemetry SDK for tests: every finished span goes at once to {@code exporter} (usually an
 * in-memory one), and W3C trace context propagates as in production.
 */
public final class RecordingTelemetry {
  private RecordingTelemetry() {}

  public static OpenTelemetrySdk into(SpanExporter exporter) {
    return into(exporter, Resource.getDefault());
  }

  /** As {@link #into(SpanExporter)}, the spans marked as {@code serviceName}'s. */
  public static OpenTelemetrySdk into(SpanExporter exporter, String serviceName) {
    return into(
        exporter,
        Resource.getDefault()
            .merge(Resource.create(Attributes.builder().put("service.name", serviceName).build())));
  }

  private static OpenTelemetrySdk into(SpanExporter exporter, Resource resource) {
    return OpenTelemetrySdk.builder()
        .setTracerProvider(
            SdkTracerProvider.builder()
                .setResource(resource)
                .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
  }
}
