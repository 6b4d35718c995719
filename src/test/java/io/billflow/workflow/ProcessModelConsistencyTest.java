package io.billflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * {@link BpmnIds} and the models in {@code processes/} (and the forms in {@code forms/}) say the same thing: a test
 * that fails when one of them changes without the other. Plain JUnit, no engine: it reads the files.
 *
 * <p>Each constant of a nested class of BpmnIds is read by its prefix:
 * <ul>
 *   <li>{@code PROCESS_ID} names {@code processes/<id>.bpmn} and the process in it;</li>
 *   <li>{@code MESSAGE_*} a message of the model by name, {@code ERROR_*} an error by its code;</li>
 *   <li>{@code FORM_*} a form of {@code forms/} by id that a user task of the model uses;</li>
 *   <li>{@code FIELD_*} a field of one of those forms (the data a task listener puts on the task);</li>
 *   <li>{@code VAR_*} a process variable: named in the model's expressions or a field of one of its forms, unless
 *   the constant is listed in {@link #CODE_ONLY_VARIABLES} (set and read by Java alone);</li>
 *   <li>{@code DECISION_*} a value a gateway of the model compares a variable with;</li>
 *   <li>every other constant an element id of the model.</li>
 * </ul>
 * And back: every element where a process waits or a job runs (user task, timer, message catch, asynchronous
 * step) has a constant, every field of a form of the model is a {@code VAR_*} or {@code FIELD_*} constant, and
 * every message of the model has a constant, so that tests and code can name each step and each field.
 */
class ProcessModelConsistencyTest {

    static final Path PROCESSES = Path.of("processes");
    static final Path FORMS = Path.of("forms");

    /** Variables only Java sets and reads (no expression or form names them): said here so that a typo is not. */
    static final Set<String> CODE_ONLY_VARIABLES = Set.of(
            "NotificationFailure.VAR_MESSAGE_ID",
            "ReverseInvoice.VAR_INVOICE_ID",
            "DeadlineEscalation.VAR_INVOICE_ID",
            "NtsTransmission.VAR_CUTOFF",
            "Settlement.VAR_REPORT_ID",
            "Settlement.VAR_REVIEWER",
            "Settlement.VAR_PAYOUT_APPROVER");

    @Test
    void everyConstantNamesWhatItsModelHasAndEveryStepOfAModelHasAConstant() throws IOException {
        Map<String, JsonNode> forms = forms();
        List<String> disagreements = new ArrayList<>();
        Set<String> modelFiles = new TreeSet<>();
        for (Class<?> process : BpmnIds.class.getDeclaredClasses()) {
            Map<String, String> constants = constants(process);
            String processId = constants.get("PROCESS_ID");
            assertThat(processId).as(process.getSimpleName() + ".PROCESS_ID").isNotNull();
            Path file = PROCESSES.resolve(processId + ".bpmn");
            if (!Files.exists(file)) {
                disagreements.add(process.getSimpleName() + ": no " + file);
                continue;
            }
            modelFiles.add(file.getFileName().toString());
            disagreements.addAll(check(process.getSimpleName(), constants, Bpmn.readModelFromFile(file.toFile()),
                    Files.readString(file), forms));
        }
        assertThat(disagreements).as("BpmnIds against processes/ and forms/").isEmpty();
        try (Stream<Path> files = Files.list(PROCESSES)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".bpmn")).sorted())
                    .as("every model has its constants in BpmnIds").containsExactlyElementsOf(modelFiles);
        }
    }

    private static List<String> check(String owner, Map<String, String> constants, BpmnModelInstance model,
                                      String xml, Map<String, JsonNode> forms) {
        List<String> wrong = new ArrayList<>();
        String processId = constants.get("PROCESS_ID");
        if (model.getModelElementById(processId) == null) {
            wrong.add(owner + ".PROCESS_ID: no process " + processId);
        }
        Set<String> messages = new LinkedHashSet<>();
        model.getModelElementsByType(Message.class).forEach(m -> messages.add(m.getName()));
        Set<String> errors = new LinkedHashSet<>();
        model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Error.class)
                .forEach(e -> errors.add(e.getErrorCode()));
        Set<String> formIds = new LinkedHashSet<>();
        model.getModelElementsByType(UserTask.class).forEach(task -> {
            if (task.getCamundaFormRef() != null) {
                formIds.add(task.getCamundaFormRef());
            }
        });
        Set<String> fields = new LinkedHashSet<>();
        for (String formId : formIds) {
            JsonNode form = forms.get(formId);
            if (form == null) {
                wrong.add(owner + ": a user task uses form " + formId + ", which forms/ does not have");
            } else {
                collectKeys(form, fields);
            }
        }
        Set<String> expressions = expressionText(xml);

        constants.forEach((name, value) -> {
            String what = owner + "." + name + " = \"" + value + "\"";
            if (name.equals("PROCESS_ID")) {
                return;
            }
            if (name.startsWith("MESSAGE_")) {
                if (!messages.contains(value)) {
                    wrong.add(what + ": no message of that name in " + processId + " " + messages);
                }
            } else if (name.startsWith("ERROR_")) {
                if (!errors.contains(value)) {
                    wrong.add(what + ": no error with that code in " + processId + " " + errors);
                }
            } else if (name.startsWith("FORM_")) {
                if (!formIds.contains(value)) {
                    wrong.add(what + ": no user task of " + processId + " uses that form " + formIds);
                }
            } else if (name.startsWith("FIELD_")) {
                if (!fields.contains(value)) {
                    wrong.add(what + ": no form of " + processId + " has that field");
                }
            } else if (name.startsWith("VAR_")) {
                boolean named = fields.contains(value) || expressions.stream().anyMatch(e -> mentions(e, value));
                boolean codeOnly = CODE_ONLY_VARIABLES.contains(owner + "." + name);
                if (!named && !codeOnly) {
                    wrong.add(what + ": neither an expression nor a form of " + processId + " names it (if only "
                            + "Java uses it, list it in CODE_ONLY_VARIABLES)");
                } else if (named && codeOnly) {
                    wrong.add(what + ": listed in CODE_ONLY_VARIABLES but the model names it");
                }
            } else if (name.startsWith("DECISION_")) {
                if (expressions.stream().noneMatch(e -> e.contains("'" + value + "'"))) {
                    wrong.add(what + ": no expression of " + processId + " compares with '" + value + "'");
                }
            } else if (!(model.getModelElementById(value) instanceof BaseElement)) {
                wrong.add(what + ": no element with that id in " + processId);
            }
        });

        Set<String> values = new LinkedHashSet<>(constants.values());
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (waitsOrRunsAJob(node) && !values.contains(node.getId())) {
                wrong.add(owner + ": " + node.getElementType().getTypeName() + " " + node.getId()
                        + " (a wait state or job) has no constant");
            }
        }
        for (String message : messages) {
            if (!values.contains(message)) {
                wrong.add(owner + ": message " + message + " has no MESSAGE_ constant");
            }
        }
        for (String field : fields) {
            boolean declared = constants.entrySet().stream().anyMatch(c -> c.getValue().equals(field)
                    && (c.getKey().startsWith("VAR_") || c.getKey().startsWith("FIELD_")));
            if (!declared) {
                wrong.add(owner + ": form field " + field + " has no VAR_ or FIELD_ constant");
            }
        }
        return wrong;
    }

    /** A step the engine stops at: where a test (or the executor) has to do something to go on. */
    static boolean waitsOrRunsAJob(FlowNode node) {
        if (node instanceof UserTask) {
            return true;
        }
        if (node instanceof CatchEvent event && event.getEventDefinitions().stream().anyMatch(d ->
                d instanceof TimerEventDefinition
                        || d instanceof org.camunda.bpm.model.bpmn.instance.MessageEventDefinition)) {
            return true;
        }
        if (node instanceof Activity || node instanceof org.camunda.bpm.model.bpmn.instance.Event) {
            return node.isCamundaAsyncBefore() || node.isCamundaAsyncAfter();
        }
        return false;
    }

    /** The text inside every {@code ${…}} of the model: conditions, delegate expressions, listeners, inputs. */
    static Set<String> expressionText(String xml) {
        Set<String> found = new LinkedHashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{([^}]*)}").matcher(xml);
        while (m.find()) {
            found.add(m.group(1));
        }
        // call-activity and input/output mappings name variables outside expressions
        java.util.regex.Matcher attr = java.util.regex.Pattern
                .compile("(?:source|target|variables|name)=\"([A-Za-z_][A-Za-z0-9_]*)\"").matcher(xml);
        while (attr.find()) {
            found.add(attr.group(1));
        }
        return found;
    }

    static boolean mentions(String expression, String variable) {
        return java.util.regex.Pattern.compile("(?<![A-Za-z0-9_.])" + java.util.regex.Pattern.quote(variable)
                + "(?![A-Za-z0-9_])").matcher(expression).find();
    }

    private static Map<String, String> constants(Class<?> process) {
        Map<String, String> constants = new java.util.LinkedHashMap<>();
        for (Field field : process.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    constants.put(field.getName(), (String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return constants;
    }

    private static Map<String, JsonNode> forms() throws IOException {
        Map<String, JsonNode> forms = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(FORMS)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".form")).toList()) {
                JsonNode form = json.readTree(file.toFile());
                forms.put(form.path("id").asText(), form);
            }
        }
        return forms;
    }

    private static void collectKeys(JsonNode node, Set<String> keys) {
        for (JsonNode component : node.path("components")) {
            if (component.hasNonNull("key")) {
                keys.add(component.get("key").asText());
            }
            collectKeys(component, keys);
        }
    }
}
