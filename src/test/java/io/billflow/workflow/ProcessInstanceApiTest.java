package io.billflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import io.billflow.BillflowSpringTest;
import io.billflow.TestHttp;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** /api/process-instances: start and read as the caller, bad input as field-naming problem details. */
@BillflowSpringTest
class ProcessInstanceApiTest {

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtimeService;

    TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    @Test
    void anApiClientStartsAndReadsAProcessInstance() {
        HttpResponse<String> started = http.postJson("/api/process-instances", """
                {"processDefinitionKey":"foundationFormCheckProcess","businessKey":"INV-API-1",
                 "variables":{"businessKey":"INV-API-1","attempt":1,"urgent":true}}""", "api-client", "api-client");
        assertThat(started.statusCode()).isEqualTo(201);
        assertThat(started.body()).contains("\"businessKey\":\"INV-API-1\"").contains("\"state\":\"ACTIVE\"")
                .contains("Task_HandleFailure");
        String id = started.headers().firstValue("Location").orElseThrow().replace("/api/process-instances/", "");
        assertThat(runtimeService.getVariable(id, "attempt")).isEqualTo(1);

        HttpResponse<String> read = http.getBasic("/api/process-instances/" + id, "api-client", "api-client");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains(id);
        // settlement managers read the settlement process only
        assertThat(http.getBasic("/api/process-instances/" + id, "manager", "manager").statusCode()).isEqualTo(404);

        HttpResponse<String> found = http.getBasic("/api/process-instances?businessKey=INV-API-1", "api-client", "api-client");
        assertThat(found.body()).contains(id);
    }

    @Test
    void operationsMayNotStartProcessesThroughTheApi() {
        HttpResponse<String> refused = http.postJson("/api/process-instances",
                "{\"processDefinitionKey\":\"foundationFormCheckProcess\"}", "operator", "operator");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void billflowsOwnProcessesCannotBeStartedByHandEvenByAnAdmin() {
        for (String internal : java.util.List.of("ntsTransmissionProcess", "settlementProcess",
                "notificationFailureProcess", "reverseInvoiceProcess", "invoiceDeadlineEscalationProcess")) {
            long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(internal).count();
            for (String user : java.util.List.of("api-client", "admin")) {
                HttpResponse<String> refused = http.postJson("/api/process-instances",
                        "{\"processDefinitionKey\":\"" + internal + "\",\"variables\":{\"reportId\":1}}", user, user);
                assertThat(refused.statusCode()).as(internal + " as " + user).isEqualTo(403);
                assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            }
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(internal).count())
                    .isEqualTo(before);
        }
    }

    @Test
    void invalidFieldsAreNamedInTheProblemDetail() {
        HttpResponse<String> response = http.postJson("/api/process-instances", """
                {"processDefinitionKey":"","businessKey":" padded ","variables":{"invoice":{"supplyCost":1000}}}""",
                "api-client", "api-client");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("\"field\":\"processDefinitionKey\"")
                .contains("\"field\":\"businessKey\"")
                .doesNotContain("Exception").doesNotContain("at io.billflow");
    }

    @Test
    void documentsAreRefusedAsProcessVariables() {
        HttpResponse<String> response = http.postJson("/api/process-instances", """
                {"processDefinitionKey":"foundationFormCheckProcess","variables":{"invoice":{"supplyCost":1000}}}""",
                "api-client", "api-client");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"variables.invoice\"").contains("ids, not documents");
        assertThat(runtimeService.createProcessInstanceQuery().variableValueEquals("businessKey", "never").count()).isZero();
    }

    @Test
    void unknownFieldsWrongTypesAndBrokenJsonAreNamed() {
        assertThat(http.postJson("/api/process-instances", "{\"processDefinitionKey\":\"x\",\"tenant\":\"a\"}",
                "api-client", "api-client").body()).contains("\"field\":\"tenant\"").contains("is not a known field");
        assertThat(http.postJson("/api/process-instances", "{\"processDefinitionKey\":[1,2]}",
                "api-client", "api-client").body()).contains("\"field\":\"processDefinitionKey\"");
        HttpResponse<String> broken = http.postJson("/api/process-instances", "{\"processDefinitionKey\":",
                "api-client", "api-client");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("\"field\":\"body\"");
    }

    @Test
    void anUnknownProcessIsAFieldErrorAndNothingStarts() {
        long before = runtimeService.createProcessInstanceQuery().count();
        HttpResponse<String> response = http.postJson("/api/process-instances",
                "{\"processDefinitionKey\":\"noSuchProcess\"}", "api-client", "api-client");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"processDefinitionKey\"");
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
    }

    @Test
    void queryParametersAreValidated() {
        HttpResponse<String> response = http.getBasic("/api/process-instances?maxResults=0", "api-client", "api-client");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"maxResults\"");
    }

    @Test
    void unknownInstancesAre404() {
        assertThat(http.getBasic("/api/process-instances/does-not-exist", "api-client", "api-client").statusCode())
                .isEqualTo(404);
    }
}
