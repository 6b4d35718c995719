package io.billflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Collaboration;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model in {@code processes/} carries a diagram (BPMN DI), so Cockpit, Tasklist and Camunda Modeler
 * can draw it: a shape for every flow node, an edge with waypoints for every sequence flow, edges that start
 * and end on their shapes, and no two shapes of a process on top of each other (a boundary event sits on its
 * host's border, an element inside a subprocess inside its shape). A new model without a diagram fails here.
 */
class ProcessDiagramTest {

    static final Path PROCESSES = Paths.get("processes");
    /** How far (px) an edge's end may lie from its shape's bounds. */
    static final double TOUCH = 2.0;

    static Stream<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".bpmn")).sorted().toList().stream();
        }
    }

    @Test
    void theProcessesFolderHasModels() throws IOException {
        assertThat(models()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyFlowNodeHasAShapeAndEverySequenceFlowAnEdge(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Map<String, BpmnShape> shapes = shapesByElement(model);
        Map<String, BpmnEdge> edges = edgesByElement(model);

        List<String> problems = new ArrayList<>();
        for (Process process : model.getModelElementsByType(Process.class)) {
            boolean drawn = model.getModelElementsByType(BpmnPlane.class).stream()
                    .anyMatch(plane -> plane.getBpmnElement() == process || plane.getBpmnElement() instanceof Collaboration);
            if (!drawn) {
                problems.add("no BPMNPlane for " + describe(process));
            }
        }
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            BpmnShape shape = shapes.get(node.getId());
            if (shape == null) {
                problems.add("no BPMNShape for " + describe(node));
                continue;
            }
            Bounds b = shape.getBounds();
            if (b == null || b.getWidth() <= 0 || b.getHeight() <= 0) {
                problems.add("no usable dc:Bounds on the shape of " + describe(node));
            }
            if (node instanceof ExclusiveGateway && !Boolean.TRUE.equals(shape.isMarkerVisible())) {
                problems.add("isMarkerVisible=\"true\" missing on " + describe(node));
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            BpmnEdge edge = edges.get(flow.getId());
            if (edge == null) {
                problems.add("no BPMNEdge for " + describe(flow));
                continue;
            }
            List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
            if (points.size() < 2) {
                problems.add(describe(flow) + " has " + points.size() + " waypoint(s), needs at least 2");
                continue;
            }
            BpmnShape from = shapes.get(flow.getSource().getId());
            BpmnShape to = shapes.get(flow.getTarget().getId());
            if (from != null && !touches(from.getBounds(), points.get(0))) {
                problems.add(describe(flow) + " does not start on the shape of " + describe(flow.getSource()));
            }
            if (to != null && !touches(to.getBounds(), points.get(points.size() - 1))) {
                problems.add(describe(flow) + " does not end on the shape of " + describe(flow.getTarget()));
            }
        }
        assertThat(problems).as("diagram of %s", file).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void shapesOfAProcessDoNotOverlap(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Map<String, BpmnShape> shapes = shapesByElement(model);

        Map<Process, List<FlowNode>> nodesByProcess = new HashMap<>();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (shapes.containsKey(node.getId())) {
                nodesByProcess.computeIfAbsent(processOf(node), p -> new ArrayList<>()).add(node);
            }
        }

        List<String> problems = new ArrayList<>();
        nodesByProcess.forEach((process, nodes) -> {
            for (int i = 0; i < nodes.size(); i++) {
                for (int j = i + 1; j < nodes.size(); j++) {
                    FlowNode a = nodes.get(i);
                    FlowNode b = nodes.get(j);
                    if (mayOverlap(a, b)) {
                        continue;
                    }
                    if (intersect(shapes.get(a.getId()).getBounds(), shapes.get(b.getId()).getBounds())) {
                        problems.add(describe(a) + " overlaps " + describe(b));
                    }
                }
            }
        });
        assertThat(problems).as("diagram of %s", file).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void boundaryEventsSitOnTheirHostsBorder(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Map<String, BpmnShape> shapes = shapesByElement(model);
        List<String> problems = new ArrayList<>();
        for (BoundaryEvent event : model.getModelElementsByType(BoundaryEvent.class)) {
            BpmnShape shape = shapes.get(event.getId());
            BpmnShape host = shapes.get(event.getAttachedTo().getId());
            if (shape == null || host == null) {
                continue; // reported by the shape check
            }
            Bounds e = shape.getBounds();
            Bounds h = host.getBounds();
            double cx = e.getX() + e.getWidth() / 2;
            double cy = e.getY() + e.getHeight() / 2;
            boolean onVertical = (near(cx, h.getX()) || near(cx, h.getX() + h.getWidth()))
                    && cy >= h.getY() - TOUCH && cy <= h.getY() + h.getHeight() + TOUCH;
            boolean onHorizontal = (near(cy, h.getY()) || near(cy, h.getY() + h.getHeight()))
                    && cx >= h.getX() - TOUCH && cx <= h.getX() + h.getWidth() + TOUCH;
            if (!onVertical && !onHorizontal) {
                problems.add(describe(event) + " is not centred on the border of " + describe(event.getAttachedTo()));
            }
        }
        assertThat(problems).as("diagram of %s", file).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------

    static Map<String, BpmnShape> shapesByElement(BpmnModelInstance model) {
        Map<String, BpmnShape> byId = new HashMap<>();
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            if (shape.getBpmnElement() != null) {
                byId.put(shape.getBpmnElement().getId(), shape);
            }
        }
        return byId;
    }

    static Map<String, BpmnEdge> edgesByElement(BpmnModelInstance model) {
        Map<String, BpmnEdge> byId = new HashMap<>();
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            if (edge.getBpmnElement() != null) {
                byId.put(edge.getBpmnElement().getId(), edge);
            }
        }
        return byId;
    }

    static Process processOf(ModelElementInstance element) {
        ModelElementInstance current = element.getParentElement();
        while (current != null && !(current instanceof Process)) {
            current = current.getParentElement();
        }
        return (Process) current;
    }

    /** A boundary event and its host, and an element and the subprocess it lies in, share space by design. */
    static boolean mayOverlap(FlowNode a, FlowNode b) {
        return attachedTo(a, b) || attachedTo(b, a) || inside(a, b) || inside(b, a);
    }

    static boolean attachedTo(FlowNode event, FlowNode host) {
        return event instanceof BoundaryEvent boundary && boundary.getAttachedTo() == host;
    }

    static boolean inside(FlowNode node, FlowNode container) {
        if (!(container instanceof SubProcess)) {
            return false;
        }
        for (ModelElementInstance p = node.getParentElement(); p != null; p = p.getParentElement()) {
            if (p == container) {
                return true;
            }
        }
        return false;
    }

    static boolean intersect(Bounds a, Bounds b) {
        return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
                && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
    }

    static boolean touches(Bounds b, Waypoint p) {
        return p.getX() >= b.getX() - TOUCH && p.getX() <= b.getX() + b.getWidth() + TOUCH
                && p.getY() >= b.getY() - TOUCH && p.getY() <= b.getY() + b.getHeight() + TOUCH;
    }

    static boolean near(double a, double b) {
        return Math.abs(a - b) <= TOUCH;
    }

    static String describe(BaseElement element) {
        return element.getElementType().getTypeName() + " " + element.getId();
    }
}
