package io.fanzha.ledger.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.serialization.Revision;

@AnalyzeClasses(
    packages = "io.fanzha.ledger.events",
    importOptions = ImportOption.DoNotIncludeTests.class)
class SharedEventsArchitectureTest {

  @ArchTest
  static final ArchRule sharedEventsDependOnNothingOfSpring =
      noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..");

  @ArchTest
  static final ArchRule everyEventNamesItsRevision =
      classes()
          .that()
          .resideInAPackage("io.fanzha.ledger.events")
          .and()
          .areRecords()
          .and()
          .haveSimpleNameNotEndingWith("Band")
          .and()
          .doNotHaveSimpleName("Location")
          .and()
          .doNotHaveSimpleName("Phase")
          .and()
          .doNotHaveSimpleName("Suspect")
          .and()
          .doNotHaveSimpleName("Reporter")
          .and()
          .doNotHaveSimpleName("Rulebook")
          .and()
          .doNotHaveSimpleName("ReportStatistics")
          .should()
          .beAnnotatedWith(Revision.class);
}
