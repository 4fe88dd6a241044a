package dev.least.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** least-core is framework-free: no Spring, no Jackson, no Jakarta, no java.sql. */
class CoreStaysPureTest {
  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.least");

  @Test
  void coreDependsOnNoFramework() {
    noClasses()
        .that()
        .resideInAPackage("dev.least..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "tools.jackson..",
            "com.fasterxml.jackson..",
            "jakarta..",
            "java.sql..")
        .check(CORE);
  }

  @Test
  void vendorPolicyPackagesDoNotDependOnEachOther() {
    noClasses()
        .that()
        .resideInAPackage("dev.least.policy.entra..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.least.policy.okta..")
        .check(CORE);
    noClasses()
        .that()
        .resideInAPackage("dev.least.policy.okta..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.least.policy.entra..")
        .check(CORE);
  }
}
