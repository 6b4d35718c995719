package io.billflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.junit.jupiter.api.Test;

/**
 * The pictures in docs/processes.md are drawn from the models' own diagrams (BPMN DI): this test renders each
 * {@code processes/<id>.bpmn} to SVG and fails when {@code docs/processes/<id>.svg} is not what it draws, so the
 * docs cannot show a model that is no longer deployed. Regenerate with
 * <pre>./mvnw test -Dtest=ProcessDiagramSvgTest -Dbillflow.diagrams.write=true</pre>
 * A plain renderer of the shapes the models use (tasks, sub-processes, events with their timer, message and error
 * markers, gateways, sequence flows with their names); Camunda Modeler remains the editor.
 */
class ProcessDiagramSvgTest {

    static final Path PROCESSES = Path.of("processes");
    static final Path PICTURES = Path.of("docs", "processes");
    static final String REGENERATE = "./mvnw test -Dtest=ProcessDiagramSvgTest -Dbillflow.diagrams.write=true";

    @Test
    void everyModelsPictureInTheDocsIsTheOneItsDiagramDraws() throws IOException {
        List<String> stale = new ArrayList<>();
        try (Stream<Path> models = Files.list(PROCESSES)) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
                String name = model.getFileName().toString().replace(".bpmn", ".svg");
                String svg = render(Bpmn.readModelFromFile(model.toFile()));
                Path picture = PICTURES.resolve(name);
                if (Boolean.getBoolean("billflow.diagrams.write")) {
                    Files.createDirectories(PICTURES);
                    Files.writeString(picture, svg, StandardCharsets.UTF_8);
                } else if (!Files.exists(picture) || !Files.readString(picture, StandardCharsets.UTF_8).equals(svg)) {
                    stale.add(picture.toString());
                }
            }
        }
        assertThat(stale).as("pictures that do not show their model; regenerate with " + REGENERATE).isEmpty();
    }

    static String render(BpmnModelInstance model) {
        List<BpmnShape> shapes = new ArrayList<>(model.getModelElementsByType(BpmnShape.class));
        List<BpmnEdge> edges = new ArrayList<>(model.getModelElementsByType(BpmnEdge.class));
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = 0;
        double maxY = 0;
        for (BpmnShape shape : shapes) {
            Bounds b = shape.getBounds();
            minX = Math.min(minX, b.getX() - 40); // labels centred under narrow shapes
            minY = Math.min(minY, b.getY());
            maxX = Math.max(maxX, b.getX() + b.getWidth() + 40);
            maxY = Math.max(maxY, b.getY() + b.getHeight() + 30); // labels below events and gateways
        }
        for (BpmnEdge edge : edges) {
            for (Waypoint w : edge.getWaypoints()) {
                minX = Math.min(minX, w.getX());
                minY = Math.min(minY, w.getY() - 16);
                maxX = Math.max(maxX, w.getX());
                maxY = Math.max(maxY, w.getY());
            }
        }
        double x0 = minX - 20;
        double y0 = minY - 20;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"%s %s %s %s\" "
                + "width=\"%s\" height=\"%s\" font-family=\"Noto Sans KR, NanumGothic, sans-serif\" font-size=\"12\">%n",
                n(x0), n(y0), n(maxX - x0 + 20), n(maxY - y0 + 20), n(maxX - x0 + 20), n(maxY - y0 + 20)));
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" "
                + "markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#333\"/>"
                + "</marker></defs>\n");
        svg.append(String.format(Locale.ROOT, "<rect x=\"%s\" y=\"%s\" width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
                n(x0), n(y0)));
        // containers first, so that what they hold is drawn over them
        shapes.sort((a, b) -> Boolean.compare(!(a.getBpmnElement() instanceof SubProcess),
                !(b.getBpmnElement() instanceof SubProcess)));
        for (BpmnShape shape : shapes) {
            shape(svg, shape);
        }
        for (BpmnEdge edge : edges) {
            edge(svg, edge);
        }
        return svg.append("</svg>\n").toString();
    }

    private static void shape(StringBuilder svg, BpmnShape shape) {
        BaseElement element = shape.getBpmnElement();
        Bounds b = shape.getBounds();
        double x = b.getX();
        double y = b.getY();
        double w = b.getWidth();
        double h = b.getHeight();
        String name = element instanceof FlowNode node && node.getName() != null ? node.getName() : "";
        svg.append("<g id=\"").append(escape(element.getId())).append("\">");
        if (element instanceof SubProcess) {
            svg.append(rect(x, y, w, h, "#fafafa", "1.5", element instanceof SubProcess sp && sp.triggeredByEvent()
                    ? " stroke-dasharray=\"4 3\"" : ""));
            text(svg, x + 8, y + 16, name, "start", true);
            if (((SubProcess) element).getLoopCharacteristics() != null) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" font-size=\"14\">≡</text>",
                        n(x + w / 2), n(y + h - 6)));
            }
        } else if (element instanceof Activity) {
            String fill = element instanceof UserTask ? "#eef5ff" : element instanceof CallActivity ? "#f3f3f3" : "#ffffff";
            String stroke = element instanceof CallActivity ? "3" : "1.5";
            svg.append(rect(x, y, w, h, fill, stroke, ""));
            if (element instanceof UserTask) {
                person(svg, x + 6, y + 5);
            } else if (element instanceof ServiceTask) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%s\" y=\"%s\" font-size=\"11\" fill=\"#555\">⚙</text>",
                        n(x + 5), n(y + 14)));
            } else if (element instanceof ReceiveTask) {
                envelope(svg, x + 6, y + 6, 14, 10);
            }
            wrapped(svg, x + w / 2, y + h / 2, w - 10, name);
        } else if (element instanceof Event event) {
            double r = Math.min(w, h) / 2;
            double cx = x + w / 2;
            double cy = y + h / 2;
            String strokeWidth = element instanceof EndEvent ? "3.5" : "1.5";
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"white\" stroke=\"#333\" "
                    + "stroke-width=\"%s\"/>", n(cx), n(cy), n(r), strokeWidth));
            if (!(element instanceof StartEvent) && !(element instanceof EndEvent)) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"none\" stroke=\"#333\"/>",
                        n(cx), n(cy), n(r - 3)));
            }
            marker(svg, event, cx, cy, r);
            label(svg, shape, x + w / 2, y + h + 14, name, element instanceof BoundaryEvent);
        } else if (element instanceof Gateway) {
            double cx = x + w / 2;
            double cy = y + h / 2;
            svg.append(String.format(Locale.ROOT, "<polygon points=\"%s,%s %s,%s %s,%s %s,%s\" fill=\"#fffbe6\" "
                    + "stroke=\"#333\" stroke-width=\"1.5\"/>", n(cx), n(y), n(x + w), n(cy), n(cx), n(y + h), n(x), n(cy)));
            String marker = element instanceof ParallelGateway ? "+" : element instanceof EventBasedGateway ? "⬠"
                    : "×";
            svg.append(String.format(Locale.ROOT, "<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" font-size=\"18\">%s</text>",
                    n(cx), n(cy + 6), marker));
            label(svg, shape, cx, y + h + 14, name, false);
        }
        svg.append("</g>\n");
    }

    /** Drawn, not typed: a font without the clock or envelope glyph would show a box. */
    private static void marker(StringBuilder svg, Event event, double cx, double cy, double r) {
        for (EventDefinition definition : event.getChildElementsByType(EventDefinition.class)) {
            if (definition instanceof TimerEventDefinition) {
                double face = r - 7;
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"white\" "
                        + "stroke=\"#333\"/><path d=\"M%s,%s L%s,%s L%s,%s\" fill=\"none\" stroke=\"#333\"/>",
                        n(cx), n(cy), n(face), n(cx), n(cy - face + 2), n(cx), n(cy), n(cx + face - 3), n(cy)));
            } else if (definition instanceof MessageEventDefinition) {
                envelope(svg, cx - 8, cy - 5.5, 16, 11);
            } else if (definition instanceof ErrorEventDefinition) {
                svg.append(String.format(Locale.ROOT, "<path d=\"M%s,%s L%s,%s L%s,%s L%s,%s L%s,%s L%s,%s z\" "
                        + "fill=\"none\" stroke=\"#333\"/>", n(cx - 7), n(cy + 7), n(cx - 3), n(cy - 6), n(cx + 1),
                        n(cy + 1), n(cx + 7), n(cy - 7), n(cx + 3), n(cy + 6), n(cx - 1), n(cy - 1)));
            }
        }
    }

    private static void envelope(StringBuilder svg, double x, double y, double w, double h) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"white\" "
                + "stroke=\"#333\"/><path d=\"M%s,%s L%s,%s L%s,%s\" fill=\"none\" stroke=\"#333\"/>", n(x), n(y),
                n(w), n(h), n(x), n(y), n(x + w / 2), n(y + h / 2), n(x + w), n(y)));
    }

    private static void person(StringBuilder svg, double x, double y) {
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%s\" cy=\"%s\" r=\"3\" fill=\"none\" stroke=\"#555\"/>"
                + "<path d=\"M%s,%s q0,-6 6,-6 q6,0 6,6\" fill=\"none\" stroke=\"#555\"/>", n(x + 6), n(y + 4),
                n(x), n(y + 15)));
    }

    private static void edge(StringBuilder svg, BpmnEdge edge) {
        List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
        StringBuilder path = new StringBuilder();
        for (Waypoint w : points) {
            path.append(path.length() == 0 ? "" : " ").append(n(w.getX())).append(',').append(n(w.getY()));
        }
        svg.append("<polyline points=\"").append(path).append("\" fill=\"none\" stroke=\"#333\" stroke-width=\"1.2\" "
                + "marker-end=\"url(#arrow)\"/>");
        if (edge.getBpmnElement() instanceof SequenceFlow flow && flow.getName() != null && !flow.getName().isBlank()
                && points.size() >= 2) {
            Waypoint a = points.get(0);
            Waypoint b = points.get(1);
            for (int i = 1; i < points.size(); i++) { // the longest segment has room for the name
                Waypoint p = points.get(i - 1);
                Waypoint q = points.get(i);
                if (Math.hypot(q.getX() - p.getX(), q.getY() - p.getY())
                        > Math.hypot(b.getX() - a.getX(), b.getY() - a.getY())) {
                    a = p;
                    b = q;
                }
            }
            double lx = edge.getBpmnLabel() != null && edge.getBpmnLabel().getBounds() != null
                    ? edge.getBpmnLabel().getBounds().getX() : Math.min(a.getX(), b.getX()) + 6;
            double ly = edge.getBpmnLabel() != null && edge.getBpmnLabel().getBounds() != null
                    ? edge.getBpmnLabel().getBounds().getY() + 10 : (a.getY() + b.getY()) / 2 - 4;
            text(svg, lx, ly, flow.getName(), "start", false);
        }
        svg.append('\n');
    }

    private static void label(StringBuilder svg, BpmnShape shape, double cx, double y, String name, boolean small) {
        if (name.isBlank()) {
            return;
        }
        if (shape.getBpmnLabel() != null && shape.getBpmnLabel().getBounds() != null) {
            Bounds lb = shape.getBpmnLabel().getBounds();
            wrapped(svg, lb.getX() + lb.getWidth() / 2, lb.getY() + lb.getHeight() / 2, Math.max(lb.getWidth(), 90), name);
        } else {
            wrapped(svg, cx, y + 4, small ? 100 : 120, name);
        }
    }

    private static String rect(double x, double y, double w, double h, String fill, String stroke, String extra) {
        return String.format(Locale.ROOT, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" rx=\"10\" fill=\"%s\" "
                + "stroke=\"#333\" stroke-width=\"%s\"%s/>", n(x), n(y), n(w), n(h), fill, stroke, extra);
    }

    /** The name in lines that fit the width (about 7 px a character, a Korean syllable counts twice), centred. */
    private static void wrapped(StringBuilder svg, double cx, double cy, double width, String name) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int max = (int) Math.max(6, width / 6.5);
        for (String word : name.split(" ")) {
            if (line.length() > 0 && units(line) + 1 + units(word) > max) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        double top = cy - (lines.size() - 1) * 7 + 4;
        for (int i = 0; i < lines.size(); i++) {
            text(svg, cx, top + i * 14, lines.get(i), "middle", false);
        }
    }

    private static int units(CharSequence text) {
        int units = 0;
        for (int i = 0; i < text.length(); i++) {
            units += Character.UnicodeBlock.of(text.charAt(i)) == Character.UnicodeBlock.HANGUL_SYLLABLES ? 2 : 1;
        }
        return units;
    }

    private static void text(StringBuilder svg, double x, double y, String text, String anchor, boolean bold) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%s\" y=\"%s\" text-anchor=\"%s\"%s>%s</text>", n(x), n(y),
                anchor, bold ? " font-weight=\"bold\"" : "", escape(text)));
    }

    private static String n(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
