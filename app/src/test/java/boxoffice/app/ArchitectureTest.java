package boxoffice.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of the booking service: domain at the centre, services over it with ports for the
 * outside, adapters implementing or driving those ports (one package per outside system: data for
 * PostgreSQL, cache for the event cache, outbox for the relays to the audit log and Kafka; security
 * and transport), and the root package wiring everything together.
 */
@AnalyzeClasses(packages = "boxoffice.app", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String ROOT = "boxoffice.app";
  private static final String CONFIG = "boxoffice.app.config..";
  private static final String DOMAIN = "boxoffice.app.domain..";
  private static final String SERVICE = "boxoffice.app.service..";
  private static final String DATA = "boxoffice.app.data..";
  private static final String CACHE = "boxoffice.app.cache..";
  private static final String OUTBOX = "boxoffice.app.outbox..";
  private static final String SECURITY = "boxoffice.app.security..";
  private static final String TRANSPORT = "boxoffice.app.transport..";
  private static final String OBSERVABILITY = "boxoffice.app.observability..";
  private static final String PLATFORM_CONFIG = "boxoffice.platform.config..";
  private static final String PLATFORM_DATABASE = "boxoffice.platform.database..";

  @ArchTest
  static final ArchRule domainDependsOnlyOnTheJdkAndItself =
      classes()
          .that()
          .resideInAPackage(DOMAIN)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", DOMAIN)
          .because("the domain is plain Java that every other layer may use");

  @ArchTest
  static final ArchRule servicesDependOnlyOnTheDomainTheJdkAndJakartaInject =
      classes()
          .that()
          .resideInAPackage(SERVICE)
          .and()
          .doNotHaveSimpleName("ServiceModule")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "jakarta.inject..", DOMAIN, SERVICE)
          .because("use cases talk to the outside only through their ports");

  @ArchTest
  static final ArchRule serviceModuleMayAlsoUseGuice =
      classes()
          .that()
          .resideInAPackage(SERVICE)
          .and()
          .haveSimpleName("ServiceModule")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "jakarta.inject..", "com.google.inject..", DOMAIN, SERVICE);

  @ArchTest
  static final ArchRule onlyServiceModuleUsesGuiceInTheServiceLayer =
      noClasses()
          .that()
          .resideInAPackage(SERVICE)
          .and()
          .doNotHaveSimpleName("ServiceModule")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.google..");

  @ArchTest
  static final ArchRule servicesNeverTouchFrameworksOrAdapters =
      noClasses()
          .that()
          .resideInAPackage(SERVICE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.javalin..",
              "org.jdbi..",
              "com.zaxxer..",
              "liquibase..",
              "com.auth0..",
              "org.mindrot..",
              "com.fasterxml..",
              "com.typesafe..",
              "org.postgresql..",
              CONFIG,
              DATA,
              CACHE,
              OUTBOX,
              SECURITY,
              TRANSPORT);

  @ArchTest
  static final ArchRule theDatabaseAdaptersTalkToPostgresqlOnly =
      noClasses()
          .that()
          .resideInAPackage(DATA)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              CACHE,
              OUTBOX,
              "redis.clients..",
              "org.apache.kafka..",
              "io.grpc..",
              "boxoffice.audit..")
          .because("data/ is the PostgreSQL room; the cache and the relays build on it, not back");

  @ArchTest
  static final ArchRule theCacheNeverTouchesTheOutbox =
      noClasses()
          .that()
          .resideInAPackage(CACHE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(OUTBOX, "org.apache.kafka..", "io.grpc..", "boxoffice.audit..")
          .because("the cache and the outbox are separate rooms, each for its own outside system");

  @ArchTest
  static final ArchRule theOutboxNeverTouchesTheCache =
      noClasses()
          .that()
          .resideInAPackage(OUTBOX)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(CACHE, "redis.clients..")
          .because("the cache and the outbox are separate rooms, each for its own outside system");

  @ArchTest
  static final ArchRule onlyTheCacheTalksToRedis =
      noClasses()
          .that()
          .resideOutsideOfPackage(CACHE)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("redis.clients..");

  @ArchTest
  static final ArchRule onlyTheOutboxTalksToKafkaAndTheAuditLog =
      noClasses()
          .that()
          .resideOutsideOfPackage(OUTBOX)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.apache.kafka..", "io.grpc..", "boxoffice.audit..");

  @ArchTest
  static final ArchRule onlyTheCompositionRootDependsOnTransport =
      noClasses()
          .that()
          .resideOutsideOfPackages(ROOT, TRANSPORT)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(TRANSPORT)
          .because("the HTTP layer is the outermost adapter, wired only by Application");

  @ArchTest
  static final ArchRule adaptersOfStorageDoNotDependOnSecurityOrTransport =
      noClasses()
          .that()
          .resideInAnyPackage(DATA, CACHE, OUTBOX)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(SECURITY, TRANSPORT, OBSERVABILITY);

  @ArchTest
  static final ArchRule securityDoesNotDependOnDataOrTransport =
      noClasses()
          .that()
          .resideInAPackage(SECURITY)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(DATA, CACHE, OUTBOX, TRANSPORT);

  @ArchTest
  static final ArchRule observabilityOnlyReadsAndNeverServesHttp =
      noClasses()
          .that()
          .resideInAPackage(OBSERVABILITY)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(TRANSPORT, SECURITY, "io.javalin..")
          .because("metrics observe the layers; HTTP exposition belongs to transport");

  @ArchTest
  static final ArchRule transportDoesNotDependOnDataOrSecurity =
      noClasses()
          .that()
          .resideInAPackage(TRANSPORT)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(DATA, CACHE, OUTBOX, SECURITY)
          .because("controllers reach storage and crypto only through service ports");

  @ArchTest
  static final ArchRule configDependsOnNoOtherLayer =
      noClasses()
          .that()
          .resideInAPackage(CONFIG)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(ROOT, DOMAIN, SERVICE, DATA, CACHE, OUTBOX, SECURITY, TRANSPORT);

  @ArchTest
  static final ArchRule onlyConfigAndTheRootReadLayeredConfiguration =
      noClasses()
          .that()
          .resideOutsideOfPackages(ROOT, CONFIG)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(PLATFORM_CONFIG)
          .because("the other layers get typed AppConfig records, never raw settings");

  @ArchTest
  static final ArchRule onlyAdaptersOfTheDatabaseUseDatabasePlumbing =
      noClasses()
          .that()
          .resideOutsideOfPackages(ROOT, DATA, OBSERVABILITY)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(PLATFORM_DATABASE)
          .because("migrations, SQL tracing and pool metrics belong to the database's adapters");

  @ArchTest
  static final ArchRule nothingDependsOnTheCompositionRoot =
      noClasses()
          .that()
          .resideOutsideOfPackage(ROOT)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(ROOT);

  @ArchTest
  static final ArchRule noVagueClassNames =
      noClasses()
          .should()
          .haveSimpleNameEndingWith("Impl")
          .orShould()
          .haveSimpleNameEndingWith("Manager")
          .orShould()
          .haveSimpleNameEndingWith("Helper")
          .orShould()
          .haveSimpleNameEndingWith("Util")
          .orShould()
          .haveSimpleNameEndingWith("Utils")
          .because("a class is named after what it is or does");

  @ArchTest
  static final ArchRule layersRespectTheirBoundaries =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("Root")
          .definedBy(ROOT)
          .layer("Config")
          .definedBy(CONFIG)
          .layer("Domain")
          .definedBy(DOMAIN)
          .layer("Service")
          .definedBy(SERVICE)
          .layer("Data")
          .definedBy(DATA)
          .layer("Cache")
          .definedBy(CACHE)
          .layer("Outbox")
          .definedBy(OUTBOX)
          .layer("Security")
          .definedBy(SECURITY)
          .layer("Transport")
          .definedBy(TRANSPORT)
          .layer("Observability")
          .definedBy(OBSERVABILITY)
          .whereLayer("Root")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Transport")
          .mayOnlyBeAccessedByLayers("Root")
          .whereLayer("Data")
          .mayOnlyBeAccessedByLayers("Root", "Cache", "Observability")
          .whereLayer("Cache")
          .mayOnlyBeAccessedByLayers("Root", "Observability")
          .whereLayer("Outbox")
          .mayOnlyBeAccessedByLayers("Root", "Observability")
          .whereLayer("Observability")
          .mayOnlyBeAccessedByLayers("Root", "Transport")
          .whereLayer("Security")
          .mayOnlyBeAccessedByLayers("Root")
          .whereLayer("Service")
          .mayOnlyBeAccessedByLayers(
              "Root", "Data", "Cache", "Outbox", "Security", "Transport", "Observability")
          .whereLayer("Config")
          .mayOnlyBeAccessedByLayers(
              "Root", "Data", "Cache", "Outbox", "Security", "Transport", "Observability")
          .whereLayer("Domain")
          .mayOnlyBeAccessedByLayers(
              "Root",
              "Service",
              "Data",
              "Cache",
              "Outbox",
              "Security",
              "Transport",
              "Observability")
          .whereLayer("Domain")
          .mayNotAccessAnyLayer()
          .whereLayer("Config")
          .mayNotAccessAnyLayer()
          .whereLayer("Service")
          .mayOnlyAccessLayers("Domain")
          .whereLayer("Data")
          .mayOnlyAccessLayers("Service", "Domain", "Config")
          .whereLayer("Cache")
          .mayOnlyAccessLayers("Data", "Service", "Domain", "Config")
          .whereLayer("Outbox")
          .mayOnlyAccessLayers("Service", "Domain", "Config")
          .whereLayer("Security")
          .mayOnlyAccessLayers("Service", "Domain", "Config")
          .whereLayer("Transport")
          .mayOnlyAccessLayers("Service", "Domain", "Config", "Observability")
          .whereLayer("Observability")
          .mayOnlyAccessLayers("Service", "Domain", "Config", "Data", "Cache", "Outbox");
}
