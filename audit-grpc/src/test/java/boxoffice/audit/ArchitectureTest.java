package boxoffice.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of the audit server: the log (use cases, rules and the store and metrics ports) at
 * the centre, the JDBI store, the gRPC service and the Prometheus adapters around it, and the root
 * package wiring them together.
 */
@AnalyzeClasses(packages = "boxoffice.audit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String LOG = "boxoffice.audit.log..";
  private static final String DATA = "boxoffice.audit.data..";
  private static final String GRPC = "boxoffice.audit.grpc..";
  private static final String CONFIG = "boxoffice.audit.config..";
  private static final String OBSERVABILITY = "boxoffice.audit.observability..";
  private static final String PLATFORM_CONFIG = "boxoffice.platform.config..";

  @ArchTest
  static final ArchRule theLogDependsOnlyOnTheJdkJacksonAndItself =
      classes()
          .that()
          .resideInAPackage(LOG)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "com.fasterxml.jackson.core..", LOG)
          .because("the rules of the log know nothing of gRPC, JDBI or configuration");

  @ArchTest
  static final ArchRule theStoreKnowsNothingOfGrpc =
      noClasses()
          .that()
          .resideInAPackage(DATA)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(GRPC, "io.grpc..", "boxoffice.audit.v1..");

  @ArchTest
  static final ArchRule theGrpcServiceKnowsNothingOfTheDatabase =
      noClasses()
          .that()
          .resideInAPackage(GRPC)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              DATA, "org.jdbi..", "java.sql..", "com.zaxxer..", "boxoffice.platform.database..");

  @ArchTest
  static final ArchRule configurationIsReadOnlyByTheWiring =
      noClasses()
          .that()
          .resideInAnyPackage(LOG, GRPC, OBSERVABILITY)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(CONFIG, PLATFORM_CONFIG);
}
