package ru.utility.ledger.api;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

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
    static final ArchRule controllersDoNotReachIntoTheEventStore = noClasses()
            .that().areMetaAnnotatedWith(Controller.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.eventsourcing..");

    @ArchTest
    static final ArchRule noPackageIsALayerOfControllers = noClasses()
            .should().resideInAPackage("..web..")
            .because("controllers live in their feature's package, beside their request and response records");

    @ArchTest
    static final ArchRule controllersLiveBesideTheirFeature = classes()
            .that().areAnnotatedWith(RestController.class)
            .should().resideOutsideOfPackages("ru.utility.ledger.api.http..", "ru.utility.ledger.api.config..",
                    "ru.utility.ledger.api.command..")
            .because("api.http, api.config and api.command serve every feature; a controller belongs to one");

    /** ProblemResponses (api.http) builds the problem documents of every feature; it holds no records. */
    @ArchTest
    static final ArchRule requestAndResponseRecordsLiveBesideTheirController = classes()
            .that().haveSimpleNameEndingWith("Requests").or().haveSimpleNameEndingWith("Responses")
            .and().areTopLevelClasses()
            .and().resideOutsideOfPackage("ru.utility.ledger.api.http..")
            .should(resideBesideARestController())
            .because("a feature's request and response records sit in its package, beside its controller");

    private static ArchCondition<JavaClass> resideBesideARestController() {
        return new ArchCondition<>("reside in a package with a @RestController") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                boolean beside = item.getPackage().getClasses().stream()
                        .anyMatch(c -> c.isAnnotatedWith(RestController.class));
                if (!beside) {
                    events.add(SimpleConditionEvent.violated(item, item.getName() + " is in "
                            + item.getPackageName() + ", which has no @RestController"));
                }
            }
        };
    }

    @ArchTest
    static final ArchRule apiPackagesAreFreeOfCycles = slices()
            .matching("ru.utility.ledger.api.(*)..")
            .should().beFreeOfCycles()
            .because("a package that needs another one's callers cannot be understood, tested or moved on its own");
}
