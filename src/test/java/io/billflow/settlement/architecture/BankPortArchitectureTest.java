package io.billflow.settlement.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The settlement module's hexagon: the bank port and the domain are plain Java, and nothing but the adapter
 * itself knows there is a simulator behind {@code BankPort} (so a real bank adapter replaces it without edits).
 */
@AnalyzeClasses(packages = "io.billflow", importOptions = ImportOption.DoNotIncludeTests.class)
class BankPortArchitectureTest {

    @ArchTest
    static final ArchRule portAndDomainArePlainJava = noClasses()
            .that().resideInAnyPackage("io.billflow.settlement.bank..", "io.billflow.settlement.domain..")
            .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "framework classes other than spring-data's mapping annotations",
                    (com.tngtech.archunit.core.domain.JavaClass c) ->
                            (c.getPackageName().startsWith("org.springframework")
                                    && !c.getPackageName().startsWith("org.springframework.data.annotation")
                                    && !c.getPackageName().startsWith("org.springframework.data.relational.core.mapping"))
                            || c.getPackageName().startsWith("org.camunda") || c.getPackageName().startsWith("jakarta")))
            .because("the bank port and the settlement rules must be usable and testable without a framework "
                    + "(aggregates may carry spring-data's mapping annotations, as the invoice aggregate does)");

    @ArchTest
    static final ArchRule onlyAdaptersKnowTheSimulator = noClasses()
            .that().resideOutsideOfPackage("io.billflow.settlement.adapter..")
            .should().dependOnClassesThat().resideInAPackage("io.billflow.settlement.adapter..")
            .because("callers use BankPort; the simulator is one replaceable adapter");

    @ArchTest
    static final ArchRule domainDependsOnNothingAround = noClasses()
            .that().resideInAPackage("io.billflow.settlement.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("io.billflow.settlement.application..",
                    "io.billflow.settlement.adapter..", "io.billflow.settlement.bank..")
            .because("the domain is the centre of the hexagon");
}
