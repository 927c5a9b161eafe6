package boxoffice.audit.observability;

import boxoffice.audit.log.AuditMetrics;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * What the audit log did, as Prometheus counters: entries appended to the chain, entries sent again
 * and acknowledged as duplicates, and chain verifications by result.
 */
public final class PrometheusAuditMetrics implements AuditMetrics {
  private final Counter appended;
  private final Counter duplicates;
  private final Counter verifications;

  public PrometheusAuditMetrics(PrometheusRegistry registry) {
    appended =
        Counter.builder()
            .name("boxoffice_audit_entries_appended_total")
            .help("Audit entries appended to the hash chain")
            .register(registry);
    duplicates =
        Counter.builder()
            .name("boxoffice_audit_entries_duplicate_total")
            .help("Audit entries sent again (an entry id already stored), acknowledged, not stored")
            .register(registry);
    verifications =
        Counter.builder()
            .name("boxoffice_audit_chain_verifications_total")
            .help("Verifications of the hash chain, by result (intact, broken)")
            .labelNames("result")
            .register(registry);
    verifications.labelValues("intact");
    verifications.labelValues("broken");
  }

  @Override
  public void recorded(int appendedEntries, int duplicateEntries) {
    appended.inc(appendedEntries);
    duplicates.inc(duplicateEntries);
  }

  @Override
  public void verified(boolean intact) {
    verifications.labelValues(intact ? "intact" : "broken").inc();
  }
}
