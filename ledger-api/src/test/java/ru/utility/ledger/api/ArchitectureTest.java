package ru.utility.ledger.api;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Module walls: the API and the projections speak to the domain only through core.api. */
@AnalyzeClasses(packages = "ru.utility.ledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Spring configuration that constructs the core's services and registers its aggregates with Axon. */
    static final String WIRING = "ru.utility.ledger.api.config..";

    static final DescribedPredicate<JavaClass> CORE_INTERNALS = resideInAPackage("ru.utility.ledger.core..")
            .and(resideOutsideOfPackage("ru.utility.ledger.core.api.."))
            .as("reside in ledger-core outside core.api");

    @ArchTest
    static final ArchRule apiAndProjectionsUseTheCoreOnlyThroughItsApi = noClasses()
            .that().resideInAnyPackage("ru.utility.ledger.api..", "ru.utility.ledger.projections..")
            .and().resideOutsideOfPackage(WIRING)
            .should().dependOnClassesThat(CORE_INTERNALS)
            .because("core.api (messages, value types and read-only views) is the core's one contract; its "
                    + "internals may change freely. Only the wiring package (api.config) constructs the core's "
                    + "implementations: aggregates for Axon, rules from configuration, the views behind LedgerViews");

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
