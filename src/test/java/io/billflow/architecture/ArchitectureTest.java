package io.billflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Module boundaries that keep the engine at the edge. Camunda types may appear only in the workflow
 * adapter packages (so a move to Operaton is a mechanical rename), and modules talk to each other
 * through their {@code api} packages.
 */
@AnalyzeClasses(packages = "io.billflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule camundaStaysInWorkflowAdapters = noClasses()
            .that().resideOutsideOfPackages("io.billflow.workflow..", "io.billflow.platform.camunda..",
                    "io.billflow..process..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..")
            .because("process-engine types belong in workflow adapters only (DESIGN.md)");

    @ArchTest
    static final ArchRule notificationInternalsAreHidden = noClasses()
            .that().resideOutsideOfPackage("io.billflow.notification..")
            .should().dependOnClassesThat().resideInAPackage("io.billflow.notification.adapter..")
            .because("other modules use notification.api only");

    @ArchTest
    static final ArchRule platformDoesNotDependOnCapabilities = noClasses()
            .that().resideInAPackage("io.billflow.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("io.billflow.workflow..", "io.billflow.notification..",
                    "io.billflow.invoice..", "io.billflow.partner..", "io.billflow.settlement..")
            .because("the platform is the foundation the capabilities build on, not the other way round");

    @ArchTest
    static final ArchRule settlementDoesNotReachIntoCertificates = noClasses()
            .that().resideInAPackage("io.billflow.settlement..")
            .should().dependOnClassesThat().resideInAPackage("io.billflow.certificate..")
            .because("payout account encryption and one-time codes use the platform's KEK (platform.crypto), "
                    + "not the certificate module's internals");
}
