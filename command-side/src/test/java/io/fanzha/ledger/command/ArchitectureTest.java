package io.fanzha.ledger.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.fanzha.ledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule theCommandSideNeverUsesTheQuerySide =
      noClasses()
          .that()
          .resideInAPackage("io.fanzha.ledger.command..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.fanzha.ledger.query..");

  @ArchTest
  static final ArchRule aggregatesKnowNothingOfTheWeb =
      noClasses()
          .that()
          .resideInAPackage("io.fanzha.ledger.command..")
          .and()
          .resideOutsideOfPackages("..web..", "..config..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework.web..", "jakarta.servlet..");

  @ArchTest
  static final ArchRule controllersSendCommandsAndDoNotTouchTheStoreDirectly =
      noClasses()
          .that()
          .resideInAPackage("io.fanzha.ledger.command..web..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.axonframework.eventsourcing..", "org.springframework.jdbc..");
}
