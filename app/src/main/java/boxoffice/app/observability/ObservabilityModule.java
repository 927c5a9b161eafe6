package boxoffice.app.observability;

import boxoffice.app.service.BusinessMetrics;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** Metrics: one registry per app instance (two instances in one JVM must not share series). */
public final class ObservabilityModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(BusinessMetrics.class).to(PrometheusBusinessMetrics.class).in(Singleton.class);
    bind(HttpMetrics.class).in(Singleton.class);
    bind(InternalMetrics.class).asEagerSingleton();
  }

  @Provides
  @Singleton
  PrometheusRegistry registry() {
    return new PrometheusRegistry();
  }
}
