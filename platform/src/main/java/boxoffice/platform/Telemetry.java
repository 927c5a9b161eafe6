package boxoffice.platform;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Map;

/**
 * OpenTelemetry for a service: spans go over OTLP/HTTP to {@code OTEL_EXPORTER_OTLP_ENDPOINT} (e.g.
 * Jaeger's {@code http://jaeger:4318}); without that variable tracing is off (a no-op). Context
 * travels in W3C {@code traceparent} headers, between services as well as inside one.
 */
public final class Telemetry {
  private Telemetry() {}

  /**
   * Tracing as the environment asks for it; {@code OTEL_SERVICE_NAME} overrides {@code
   * serviceName}.
   */
  public static OpenTelemetry fromEnvironment(Map<String, String> env, String serviceName) {
    String endpoint = env.getOrDefault("OTEL_EXPORTER_OTLP_ENDPOINT", "").strip();
    if (endpoint.isEmpty()) {
      return OpenTelemetry.noop();
    }
    String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    return withExporter(
        OtlpHttpSpanExporter.builder().setEndpoint(base + "/v1/traces").build(),
        env.getOrDefault("OTEL_SERVICE_NAME", serviceName));
  }

  /** An SDK that hands finished spans to {@code exporter} in batches. */
  public static OpenTelemetrySdk withExporter(SpanExporter exporter, String serviceName) {
    Resource resource =
        Resource.getDefault()
            .merge(Resource.create(Attributes.builder().put("service.name", serviceName).build()));
    SdkTracerProvider tracers =
        SdkTracerProvider.builder()
            .setResource(resource)
            .addSpanProcessor(BatchSpanProcessor.builder(exporter).build())
            .build();
    return OpenTelemetrySdk.builder()
        .setTracerProvider(tracers)
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
  }
}
