package boxoffice.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The room rules of {@link ArchitectureTest} fail on the deliberate violations kept in the {@code
 * violations} packages of the test sources: a rule that never fires would pass on anything.
 */
class ArchitectureRulesCatchViolationsTest {
  private static final JavaClasses VIOLATIONS =
      new ClassFileImporter()
          .importPackages(
              "boxoffice.app.data.violations",
              "boxoffice.app.cache.violations",
              "boxoffice.app.outbox.violations",
              "boxoffice.app.service.violations");

  @Test
  void dataMayNotImportRedisOrTheCache() {
    assertViolatedBy(
        ArchitectureTest.theDatabaseAdaptersTalkToPostgresqlOnly,
        "DataReachingRedis",
        "DataReachingTheCache");
  }

  @Test
  void theCacheAndTheOutboxMayNotImportEachOther() {
    assertViolatedBy(ArchitectureTest.theCacheNeverTouchesTheOutbox, "CacheReachingTheOutbox");
    assertViolatedBy(ArchitectureTest.theOutboxNeverTouchesTheCache, "OutboxReachingTheCache");
  }

  @Test
  void servicesMayNotImportTheCacheOrTheOutbox() {
    assertViolatedBy(
        ArchitectureTest.servicesNeverTouchFrameworksOrAdapters, "ServiceReachingTheAdapters");
  }

  @Test
  void onlyTheCacheTalksToRedis() {
    assertViolatedBy(ArchitectureTest.onlyTheCacheTalksToRedis, "DataReachingRedis");
  }

  private static void assertViolatedBy(ArchRule rule, String... offenders) {
    EvaluationResult result = rule.evaluate(VIOLATIONS);
    assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
    String report = String.join("\n", result.getFailureReport().getDetails());
    for (String offender : offenders) {
      assertThat(report).as(rule.getDescription()).contains(offender);
    }
  }
}
