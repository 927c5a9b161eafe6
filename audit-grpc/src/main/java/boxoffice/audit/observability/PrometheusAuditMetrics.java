package boxoffice.audit.observability;

import boxoffice.audit.log.AuditMetrics;
import boxoffice.platform.metrics.Counters;
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
        Counters.register(
            registry,
            "boxoffice_audit_entries_appended_total",
            "Audit entries appended to the hash chain");
    duplicates =
        Counters.register(
            registry,
            "boxoffice_audit_entries_duplicate_total",
            "Audit entries sent again (an entry id already stored), acknowledged, not stored");
    verifications =
        Counters.register(
            registry,
            "boxoffice_audit_chain_verifications_total",
            "Verifications of the hash chain, by result (intact, broken)",
            "result",
            "intact",
            "broken");
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
