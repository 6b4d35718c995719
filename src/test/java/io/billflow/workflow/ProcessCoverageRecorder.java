package io.billflow.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Process-path coverage of the test suite, from the engine itself: a parse listener puts a listener on every flow
 * node (start) and every sequence flow (take) of every deployed model; what ran is kept per process and, when the
 * test JVM ends, written to {@code target/process-coverage/<run>.tsv}. {@code ProcessCoverageIT} merges the runs,
 * prints each process's figure and holds it to the floor (docs/testing.md, ADR 0007).
 *
 * <p>Test scope only; a listener that records a string in a set changes nothing a process does. The
 * {@code camunda-process-test-coverage} library does the same per test class and needs its own JUnit extension on
 * every class; this one sees every test of the run, whichever way it drives the engine.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProcessCoverageRecorder {

    static final Path DIRECTORY = Path.of("target", "process-coverage");

    /** process key → every flow node and sequence flow id of its model ("node:" / "flow:" prefixed). */
    private static final Map<String, Set<String>> ELEMENTS = new ConcurrentHashMap<>();
    /** process key → those that ran at least once. */
    private static final Map<String, Set<String>> COVERED = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ProcessCoverageRecorder::write, "process-coverage"));
    }

    @Bean
    AbstractProcessEnginePlugin processCoveragePlugin() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                if (configuration.getCustomPostBPMNParseListeners() == null) {
                    configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
                }
                configuration.getCustomPostBPMNParseListeners().add(new Instrument());
            }
        };
    }

    private static final class Instrument extends AbstractBpmnParseListener {
        @Override
        public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
            for (ProcessDefinitionEntity definition : processDefinitions) {
                instrument(definition.getKey(), definition);
            }
        }
    }

    private static void instrument(String process, ScopeImpl scope) {
        Set<String> elements = ELEMENTS.computeIfAbsent(process, key -> ConcurrentHashMap.newKeySet());
        for (ActivityImpl activity : scope.getActivities()) {
            if (activity.getId() == null || activity.getId().contains("#")) {
                instrument(process, activity); // a multi-instance body: its inner activity is the step
                continue;
            }
            String node = "node:" + activity.getId();
            elements.add(node);
            activity.addListener(ExecutionListener.EVENTNAME_START, execution -> covered(process, node));
            for (var outgoing : activity.getOutgoingTransitions()) {
                TransitionImpl transition = (TransitionImpl) outgoing;
                String flow = "flow:" + transition.getId();
                elements.add(flow);
                transition.addListener(ExecutionListener.EVENTNAME_TAKE, execution -> covered(process, flow));
            }
            instrument(process, activity);
        }
    }

    private static void covered(String process, String element) {
        COVERED.computeIfAbsent(process, key -> ConcurrentHashMap.newKeySet()).add(element);
    }

    /** One line per element: process, element, 1 if it ran. The surefire execution names the file. */
    static void write() {
        if (ELEMENTS.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        new TreeMap<>(ELEMENTS).forEach((process, elements) -> new TreeSet<>(elements).forEach(element -> lines
                .append(process).append('\t').append(element).append('\t')
                .append(COVERED.getOrDefault(process, Set.of()).contains(element) ? 1 : 0).append('\n')));
        try {
            Files.createDirectories(DIRECTORY);
            Files.writeString(DIRECTORY.resolve(System.getProperty("billflow.coverage.run", "tests") + ".tsv"),
                    lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
