package ru.utility.ledger.core.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "ru.utility.ledger.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreIsFreeOfSpring = noClasses()
            .that().resideInAPackage("ru.utility.ledger.core..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule apiDoesNotSeeAggregateInternals = noClasses()
            .that().resideInAPackage("..core.api..")
            .should().dependOnClassesThat().resideInAPackage("..core.account..");

    @ArchTest
    static final ArchRule rulesDoNotSeeAggregateInternals = noClasses()
            .that().resideInAPackage("..core.rules..")
            .should().dependOnClassesThat().resideInAPackage("..core.account..");

    @ArchTest
    static final ArchRule debtLedgerDoesNotSeeAggregateInternals = noClasses()
            .that().resideInAPackage("..core.debt..")
            .should().dependOnClassesThat().resideInAPackage("..core.account..");

    @ArchTest
    static final ArchRule apiIsSelfContained = noClasses()
            .that().resideInAPackage("ru.utility.ledger.core.api..")
            .should().dependOnClassesThat(resideInAPackage("ru.utility.ledger.core..")
                    .and(resideOutsideOfPackage("ru.utility.ledger.core.api.."))
                    .as("reside in ledger-core outside core.api"))
            .because("core.api is what other modules may use; if it named an internal type, that type would be "
                    + "part of the contract too");
}
