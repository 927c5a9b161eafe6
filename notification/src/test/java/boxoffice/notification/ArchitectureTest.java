package boxoffice.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("boxoffice.notification");

  @Test
  void layersDependInwardsOnly() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Wiring")
        .definedBy("boxoffice.notification")
        .layer("Transport")
        .definedBy("boxoffice.notification.transport..")
        .layer("Service")
        .definedBy("boxoffice.notification.service..")
        .layer("Data")
        .definedBy("boxoffice.notification.data..")
        .layer("Mail")
        .definedBy("boxoffice.notification.mail..")
        .layer("Config")
        .definedBy("boxoffice.notification.config..")
        .whereLayer("Transport")
        .mayOnlyBeAccessedByLayers("Wiring")
        .whereLayer("Data")
        .mayOnlyBeAccessedByLayers("Wiring")
        .whereLayer("Mail")
        .mayOnlyBeAccessedByLayers("Wiring")
        .whereLayer("Service")
        .mayOnlyBeAccessedByLayers("Wiring", "Transport", "Data", "Mail")
        .check(CLASSES);
  }

  @Test
  void onlyConfigAndTheWiringReadLayeredConfiguration() {
    noClasses()
        .that()
        .resideOutsideOfPackages("boxoffice.notification", "boxoffice.notification.config..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("boxoffice.platform.config..")
        .because("the other layers get typed NotificationConfig records, never raw settings")
        .check(CLASSES);
  }

  @Test
  void theServiceLayerKnowsNoKafkaJdbiMailOrTracing() {
    noClasses()
        .that()
        .resideInAPackage("boxoffice.notification.service..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.kafka..",
            "org.jdbi..",
            "jakarta.mail..",
            "com.zaxxer..",
            "java.sql..",
            "io.opentelemetry..",
            "boxoffice.platform..")
        .check(CLASSES);
  }
}
