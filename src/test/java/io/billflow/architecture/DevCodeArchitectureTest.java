package io.billflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Dev-only code (packages named {@code dev}, {@code demo} or {@code testpki}) and the dev libraries are left out of
 * the production jar (pom.xml, docs/adr/0005-production-artifact-without-dev-stack.md): nothing else may use them,
 * or the production jar would fail with a NoClassDefFoundError. ProductionArtifactIT starts the jar itself.
 */
@AnalyzeClasses(packages = "io.billflow", importOptions = ImportOption.DoNotIncludeTests.class)
class DevCodeArchitectureTest {

    private static final String[] DEV_PACKAGES = {"io.billflow..dev..", "io.billflow..demo..", "io.billflow..testpki.."};

    @ArchTest
    static final ArchRule productionCodeDoesNotUseDevCode = noClasses()
            .that().resideOutsideOfPackages(DEV_PACKAGES)
            .should().dependOnClassesThat().resideInAnyPackage(DEV_PACKAGES)
            .because("the production jar does not carry dev code");

    @ArchTest
    static final ArchRule productionCodeDoesNotUseDevLibraries = noClasses()
            .that().resideOutsideOfPackages(DEV_PACKAGES)
            .should().dependOnClassesThat().resideInAnyPackage("com.icegreen..", "io.zonky..")
            .because("GreenMail and embedded PostgreSQL are optional dependencies, left out of the production jar");
}
