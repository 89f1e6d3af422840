package ru.utility.ledger.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Module walls: the API and the projections speak to the domain only through its public messages. */
@AnalyzeClasses(packages = "ru.utility.ledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule apiAndProjectionsNeverTouchAggregateInternals = noClasses()
            .that().resideInAnyPackage("ru.utility.ledger.api..", "ru.utility.ledger.projections..")
            .and().doNotHaveFullyQualifiedName("ru.utility.ledger.api.config.LedgerDomainConfiguration")
            .should().dependOnClassesThat().resideInAPackage("ru.utility.ledger.core.account..")
            .because("aggregate internals may change freely; only core.api is a contract");

    @ArchTest
    static final ArchRule projectionsDoNotDependOnTheWebLayer = noClasses()
            .that().resideInAPackage("ru.utility.ledger.projections..")
            .should().dependOnClassesThat().resideInAPackage("ru.utility.ledger.api..");

    @ArchTest
    static final ArchRule coreHasNoSpring = noClasses()
            .that().resideInAPackage("ru.utility.ledger.core..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule webLayerDoesNotReachIntoTheEventStore = noClasses()
            .that().resideInAPackage("ru.utility.ledger.api.web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.eventsourcing..");

    @ArchTest
    static final ArchRule apiPackagesAreFreeOfCycles = slices()
            .matching("ru.utility.ledger.api.(*)..")
            .should().beFreeOfCycles()
            .because("a package that needs another one's callers cannot be understood, tested or moved on its own");
}
