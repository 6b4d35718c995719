package io.billflow.architecture;

import io.billflow.BillflowApplication;
import org.springframework.modulith.core.ApplicationModules;

/** Prints each module with the modules it depends on, and every boundary violation, one per line (not a test). */
public final class ModulithReport {

    private ModulithReport() {
    }

    public static void main(String[] args) {
        var modules = ApplicationModules.of(BillflowApplication.class);
        modules.forEach(m -> System.out.println("MODULE " + m.getIdentifier() + " -> " + m.getDependencies(modules)
                .uniqueModules().map(d -> d.getIdentifier().toString()).sorted().toList()));
        modules.detectViolations().getMessages().forEach(m -> System.out.println("VIOLATION " + m.replace('\n', ' ')));
    }
}
