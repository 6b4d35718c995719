package io.billflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.billflow.BillflowApplication;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The module boundaries, checked by Spring Modulith: no cycle between modules, and no use of another module's
 * types outside its named interfaces (each module's {@code api} package; the platform's capability packages;
 * {@code partner.demo} for the other modules' local demo data). No exception list: a new reach into another
 * module's internals fails the build.
 */
class ModuleBoundariesTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(BillflowApplication.class);

    @Test
    void modulesMeetOnlyThroughTheirNamedInterfacesAndFormNoCycle() {
        MODULES.verify();
    }

    /** The modules from the foundation up (docs/architecture.md): each may use only those before it. */
    private static final List<String> LAYERS = List.of("platform", "calendar", "workflow", "notification", "partner",
            "certificate", "nts", "invoice", "settlement", "portal");

    @Test
    void everyTopLevelPackageIsAModule() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString())).containsExactlyInAnyOrderElementsOf(LAYERS);
    }

    @Test
    void aModuleUsesOnlyTheModulesBelowIt() {
        MODULES.forEach(module -> {
            String name = module.getIdentifier().toString();
            List<String> below = LAYERS.subList(0, LAYERS.indexOf(name));
            assertThat(module.getDependencies(MODULES).uniqueModules().map(d -> d.getIdentifier().toString()))
                    .as("modules %s depends on", name).allMatch(below::contains);
        });
    }
}
