package io.billflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The process-path coverage of the whole test run (both surefire executions, recorded by
 * {@link ProcessCoverageRecorder}): per process, the share of its flow nodes and sequence flows that some test ran.
 * Runs in failsafe's phase, after every unit, process and end-to-end test; prints the table (CI shows it) and
 * writes {@code target/process-coverage/summary.md}; fails when a process is under {@link #FLOOR}.
 */
class ProcessCoverageIT {

    static final double FLOOR = 0.9;

    @Test
    void everyProcessIsCoveredToTheFloor() throws IOException {
        assumeTrue(System.getProperty("test") == null,
                "a run of chosen tests (-Dtest=…) does not measure the suite's coverage");
        assumeTrue(Files.isDirectory(ProcessCoverageRecorder.DIRECTORY), "no test recorded coverage (-DskipTests?)");
        Map<String, Map<String, Boolean>> elements = new TreeMap<>();
        try (Stream<Path> files = Files.list(ProcessCoverageRecorder.DIRECTORY)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".tsv")).toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] cells = line.split("\t");
                    if (!Files.exists(Path.of("processes", cells[0] + ".bpmn"))) {
                        continue; // a model of the tests' own (src/test/resources), not one billflow deploys
                    }
                    elements.computeIfAbsent(cells[0], key -> new TreeMap<>())
                            .merge(cells[1], cells[2].equals("1"), Boolean::logicalOr);
                }
            }
        }
        assertThat(elements).as("processes the tests deployed").isNotEmpty();

        StringBuilder table = new StringBuilder("| process | nodes | flows | path coverage |\n|---|---|---|---|\n");
        List<String> underFloor = new ArrayList<>();
        elements.forEach((process, coverage) -> {
            long nodes = coverage.keySet().stream().filter(e -> e.startsWith("node:")).count();
            long flows = coverage.size() - nodes;
            long coveredNodes = coverage.entrySet().stream().filter(e -> e.getValue() && e.getKey().startsWith("node:"))
                    .count();
            long coveredFlows = coverage.values().stream().filter(v -> v).count() - coveredNodes;
            double share = (coveredNodes + coveredFlows) / (double) coverage.size();
            table.append(String.format("| %s | %d/%d | %d/%d | %.2f |%n", process, coveredNodes, nodes, coveredFlows,
                    flows, share));
            Set<String> missed = new TreeSet<>();
            coverage.forEach((element, ran) -> {
                if (!ran) {
                    missed.add(element);
                }
            });
            if (!missed.isEmpty()) {
                table.append("|   not run: ").append(String.join(", ", missed)).append(" | | | |\n");
            }
            if (share < FLOOR) {
                underFloor.add(process + String.format(" %.2f", share));
            }
        });
        System.out.println("Process-path coverage (flow nodes + sequence flows run by the suite), floor " + FLOOR
                + ":\n" + table);
        Files.writeString(ProcessCoverageRecorder.DIRECTORY.resolve("summary.md"), table, StandardCharsets.UTF_8);
        assertThat(underFloor).as("processes under the coverage floor of " + FLOOR + "\n" + table).isEmpty();
    }
}
