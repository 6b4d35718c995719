package io.billflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.billflow.BillflowApplication;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The module boundaries, checked by Spring Modulith: no cycle between modules, and no use of another module's
 * types outside its named interfaces ({@code api} packages; the platform's capability packages). The uses that
 * remain while issue #14 is in progress are listed in {@code architecture/boundary-exceptions.txt}; a new one fails
 * this test, and so does a listed one that is gone, so the list only shrinks.
 */
class ModuleBoundariesTest {

    private static final Pattern NON_EXPOSED =
            Pattern.compile("Module '([a-z]+)' depends on non-exposed type ([A-Za-z0-9_.$]+) within module");

    private static List<String> violations;

    @BeforeAll
    static void detect() {
        violations = ApplicationModules.of(BillflowApplication.class).detectViolations().getMessages();
    }

    @Test
    void noModuleCycles() {
        assertThat(violations).noneMatch(m -> m.contains("Cycle detected"));
    }

    @Test
    void noOtherViolationKinds() {
        assertThat(violations).allMatch(m -> m.contains("Cycle detected") || NON_EXPOSED.matcher(m).find());
    }

    @Test
    void usesOfOtherModulesInternalsAreOnlyTheListedOnes() throws IOException {
        Set<String> found = new TreeSet<>();
        for (String message : violations) {
            var matcher = NON_EXPOSED.matcher(message);
            if (matcher.find()) {
                found.add(matcher.group(1) + " -> " + matcher.group(2));
            }
        }
        Set<String> listed = listed();
        assertThat(found).as("uses of another module's internals not in boundary-exceptions.txt")
                .isSubsetOf(listed);
        assertThat(listed).as("lines of boundary-exceptions.txt that no longer occur: remove them")
                .isSubsetOf(found);
    }

    private static Set<String> listed() throws IOException {
        try (InputStream in = ModuleBoundariesTest.class.getResourceAsStream("/architecture/boundary-exceptions.txt")) {
            Set<String> lines = new TreeSet<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(lines::add);
            return lines;
        }
    }
}
