package io.fanzha.ledger.query;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(
    packages = "io.fanzha.ledger.query",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule theQuerySideKnowsNothingOfTheCommandSide =
      noClasses()
          .that()
          .resideInAPackage("io.fanzha.ledger.query..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.fanzha.ledger.command..");

  @ArchTest
  static final ArchRule scoringRulesDependOnNothingOfSpring =
      noClasses()
          .that()
          .resideInAPackage("..scorecard.rules..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "org.axonframework..",
              "com.mongodb..",
              "org.bson..",
              "com.fasterxml..");

  @ArchTest
  static final ArchRule scoringRulesAreFunctionsOverTheLedgersValuesAndDays =
      classes()
          .that()
          .resideInAPackage("..scorecard.rules..")
          .should()
          .onlyDependOnClassesThat(
              resideInAnyPackage("java..", "io.fanzha.ledger.events..", "..scorecard.rules..")
                  .or(equivalentTo(LedgerDays.class)));

  @ArchTest
  static final ArchRule readModelsAreIndependentOfEachOther =
      slices()
          .matching("io.fanzha.ledger.query.(*)..")
          .should()
          .notDependOnEachOther()
          .ignoreDependency(alwaysTrue(), resideInAPackage("io.fanzha.ledger.query.web.."))
          // the year-end package assembles the others (audit reads, scorecards) by design
          .ignoreDependency(resideInAPackage("io.fanzha.ledger.query.yearend.."), alwaysTrue())
          // so does the dashboard (scorecards, leads, the police outbox)
          .ignoreDependency(resideInAPackage("io.fanzha.ledger.query.dashboard.."), alwaysTrue());
}
