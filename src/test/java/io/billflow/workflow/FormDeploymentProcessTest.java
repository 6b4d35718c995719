package io.billflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.net.http.HttpResponse;
import java.util.Map;

import io.billflow.BillflowSpringTest;
import io.billflow.TestHttp;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A user task with a Camunda Form from the top-level forms/ folder, deployed by the starter. */
@BillflowSpringTest
class FormDeploymentProcessTest {

    static final String PROCESS = "foundationFormCheckProcess";
    static final String TASK = "Task_HandleFailure";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtimeService;

    @BeforeEach
    void bindAssertions() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void theFormIsDeployedWithTheProcessAndServedByTheEngineRestApi() {
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS, "INV-FORM-1",
                Map.of("businessKey", "INV-FORM-1", "failedStep", "Task_TransmitToNts", "errorMessage", "NTS 30001"));
        assertThat(instance).isWaitingAt(TASK);
        Task task = task(instance);
        assertThat(task).hasCandidateGroup("operations");

        // the operations user works the task: the engine serves the form JSON from the deployment
        HttpResponse<String> form = new TestHttp(port)
                .getBasic("/engine-rest/task/" + task.getId() + "/deployed-form", "operator", "operator");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        assertThat(form.body()).contains("operationsFailureForm").contains("operationsDecision").contains("errorMessage");

        HttpResponse<String> formKey = new TestHttp(port)
                .getBasic("/engine-rest/task/" + task.getId() + "/form", "operator", "operator");
        assertThat(formKey.body()).contains("operationsFailureForm");

        complete(task, Map.of("operationsDecision", "handled"));
        assertThat(instance).isEnded().hasPassedInOrder("StartEvent_Check", TASK, "EndEvent_Checked");
    }

    @Test
    void usersOutsideTheCandidateGroupCannotReadTheTaskForm() {
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS, "INV-FORM-2");
        Task task = task(instance);
        HttpResponse<String> refused = new TestHttp(port)
                .getBasic("/engine-rest/task/" + task.getId() + "/deployed-form", "api-client", "api-client");
        assertThat(refused.statusCode()).isEqualTo(403);
    }
}
