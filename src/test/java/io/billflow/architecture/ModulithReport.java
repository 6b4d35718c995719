package io.billflow.architecture;

import io.billflow.BillflowApplication;
import org.springframework.modulith.core.ApplicationModules;

/** Prints every module-boundary violation, one per line, for working through them (not a test). */
public final class ModulithReport {

    private ModulithReport() {
    }

    public static void main(String[] args) {
        var modules = ApplicationModules.of(BillflowApplication.class);
        modules.forEach(m -> System.out.println("MODULE " + m.getIdentifier()));
        modules.detectViolations().getMessages().forEach(m -> System.out.println("VIOLATION " + m.replace('\n', ' ')));
    }
}
