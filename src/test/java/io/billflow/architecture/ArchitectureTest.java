package io.billflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Rules Spring Modulith's module check ({@link ModuleBoundariesTest}) does not cover: the engine stays at the edge —
 * Camunda types only in the workflow and process adapter packages, so a move to Operaton is a mechanical rename —
 * and the settlement's secrets use the platform's KEK, not the certificate module.
 */
@AnalyzeClasses(packages = "io.billflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule camundaStaysInWorkflowAdapters = noClasses()
            .that().resideOutsideOfPackages("io.billflow.workflow..", "io.billflow.platform.camunda..",
                    "io.billflow..process..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..")
            .because("process-engine types belong in workflow adapters only (docs/architecture.md)");

    @ArchTest
    static final ArchRule settlementDoesNotReachIntoCertificates = noClasses()
            .that().resideInAPackage("io.billflow.settlement..")
            .should().dependOnClassesThat().resideInAPackage("io.billflow.certificate..")
            .because("payout account encryption and one-time codes use the platform's KEK (platform.crypto), "
                    + "not the certificate module's internals");
}
