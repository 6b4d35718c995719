package io.billflow.invoice.process;

import static io.billflow.workflow.BpmnIds.NtsTransmission.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import io.billflow.BillflowSpringTest;
import io.billflow.TestData;
import io.billflow.TestHttp;
import io.billflow.certificate.testpki.TestPki;
import io.billflow.invoice.InvoiceFixtures;
import io.billflow.invoice.issuance.IssuanceService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The nightly batch: its 03:00 KST timer on a UTC host, and one night driven job by job. */
@BillflowSpringTest
class NtsTransmissionProcessTest {

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    ManagementService managementService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    IssuanceService issuance;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void bind() {
        BpmnAwareTests.init(engine);
    }

    Job nightlyTimer() {
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_ID)
                .latestVersion().singleResult().getId();
        return managementService.createJobQuery().processDefinitionId(definition).timers().singleResult();
    }

    @Test
    void theTimerFiresAtThreeInSeoul() {
        ZonedDateTime due = nightlyTimer().getDuedate().toInstant().atZone(ZoneId.of("Asia/Seoul"));
        assertThat(due.getHour()).isEqualTo(3);
        assertThat(due.getMinute()).isZero();
    }

    @Test
    void oneNightTransmitsTheIssuedInvoices() {
        TestHttp http = new TestHttp(port);
        String corpNum = TestData.newBusinessNumber();
        long partnerId = new InvoiceFixtures(http).supplierWithCertificate(corpNum, "(주)야간상사");
        long invoiceId = InvoiceFixtures.id(http.postJson("/api/invoices/register-and-request",
                InvoiceFixtures.invoiceJson(new InvoiceFixtures(http).buyerCompany(), partnerId, "NIGHT-" + partnerId),
                "operator", "operator"));
        issuance.approve(invoiceId, partnerId, false, "supplier");

        managementService.executeJob(nightlyTimer().getId());
        ProcessInstance night = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .orderByProcessInstanceId().desc().list().get(0);
        for (int step = 0; step < 50 && !night.isEnded(); step++) {
            Job next = managementService.createJobQuery().processInstanceId(night.getId()).singleResult();
            if (next == null) {
                break;
            }
            managementService.executeJob(next.getId());
        }
        assertThat(night).isEnded().hasPassed(TASK_QUEUE, TASK_SUBMIT, TASK_COLLECT, END);
        assertThat(jdbc.queryForObject("select state_code from tax_invoice where id = ?", Integer.class, invoiceId))
                .isEqualTo(304);
    }
}
