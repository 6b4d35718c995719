package io.billflow.invoice.process;

import static io.billflow.workflow.BpmnIds.NtsTransmission.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import io.billflow.BillflowSpringTest;
import io.billflow.NodeCrashSimulation;
import io.billflow.TestData;
import io.billflow.TestHttp;
import io.billflow.certificate.testpki.TestPki;
import io.billflow.invoice.InvoiceFixtures;
import io.billflow.invoice.issuance.IssuanceService;
import io.billflow.nts.simulator.NtsSimulator;
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
import io.billflow.workflow.ProcessJobs;

/**
 * The nightly batch: its 03:00 KST timer on a UTC host, one night driven job by job, and a node dying in
 * the middle of a chunk.
 */
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

    @Autowired
    NtsSimulator nts;

    @Autowired
    NodeCrashSimulation.CrashAfterDelivery nodeCrash;

    ProcessJobs jobs;

    @BeforeEach
    void bind() {
        BpmnAwareTests.init(engine);
        jobs = new ProcessJobs(engine);
    }

    /** The 03:00 timer start event's job (of the process definition: no instance has it yet). */
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
        long invoiceId = issuedInvoice("(주)야간상사", "NIGHT-");

        ProcessInstance night = startNight();
        jobs.executeJobFor(night, TASK_QUEUE);
        jobs.executeJobFor(night, TASK_SUBMIT);
        jobs.executeJobFor(night, TASK_COLLECT);
        runJobsToTheEnd(night); // verdicts still pending wait a minute; the lane's end continues asynchronously
        assertThat(night).isEnded().hasPassed(TASK_QUEUE, TASK_SUBMIT, TASK_COLLECT, END);
        assertThat(state(invoiceId)).isEqualTo(304);
    }

    @Test
    void aNodeDyingMidChunkIsRetriedAndTheInvoiceIsTransmittedOnce() {
        long invoiceId = issuedInvoice("(주)재시도상사", "CRASH-");
        String approval = jdbc.queryForObject("select nts_confirm_num from tax_invoice where id = ?", String.class,
                invoiceId).strip();
        nodeCrash.crashAfterDelivering(approval);

        ProcessInstance night = startNight();
        jobs.executeJobFor(night, TASK_QUEUE);
        assertThat(night).isWaitingAt(TASK_SUBMIT);

        Job submit = jobs.jobFor(night, TASK_SUBMIT);
        assertThatThrownBy(() -> managementService.executeJob(submit.getId()))
                .isInstanceOf(NodeCrashSimulation.SimulatedNodeCrash.class);
        assertThat(nts.submissions(approval)).as("NTS received it before the crash").isEqualTo(1);
        assertThat(state(invoiceId)).as("the chunk rolled back: queued again, no claim left").isEqualTo(302);
        assertThat(jdbc.queryForObject("select count(*) from nts_transmission where invoice_id = ?", Integer.class,
                invoiceId)).isZero();
        Job failed = jobs.jobFor(night, TASK_SUBMIT);
        assertThat(failed.getRetries()).as("R5/PT1M: one of five retries used").isEqualTo(4);
        assertThat(failed.getDuedate()).as("retried later, not at once").isAfter(new java.util.Date());

        jobs.executeJobFor(night, TASK_SUBMIT); // the retry, before its due time (the executor would wait for it)
        jobs.executeJobFor(night, TASK_COLLECT);
        runJobsToTheEnd(night);
        assertThat(night).isEnded().hasPassed(TASK_SUBMIT, TASK_COLLECT, END);
        assertThat(state(invoiceId)).isEqualTo(304);
        assertThat(nts.submissions(approval)).as("sent again under the same approval number").isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from tax_invoice_history where invoice_id = ? and to_state = 304",
                Integer.class, invoiceId)).as("the verdict took effect once").isEqualTo(1);
    }

    /** An invoice the supplier has signed (300), ready for the night. */
    long issuedInvoice(String supplierName, String keyPrefix) {
        TestHttp http = new TestHttp(port);
        InvoiceFixtures fixtures = new InvoiceFixtures(http);
        long partnerId = fixtures.supplierWithCertificate(TestData.newBusinessNumber(), supplierName);
        long invoiceId = InvoiceFixtures.id(http.postJson("/api/invoices/register-and-request",
                InvoiceFixtures.invoiceJson(fixtures.buyerCompany(), partnerId, keyPrefix + partnerId),
                "operator", "operator"));
        issuance.approve(invoiceId, partnerId, false, TestPki.password(), "supplier");
        return invoiceId;
    }

    /** Fires the 03:00 timer by hand; the night's instance is the newest one. */
    ProcessInstance startNight() {
        managementService.executeJob(nightlyTimer().getId()); // StartEvent_Nightly's timer: no instance yet
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .orderByProcessInstanceId().desc().list().get(0);
    }

    /** Executes the instance's jobs one at a time (the executor is off) until none is left, at most 50. */
    void runJobsToTheEnd(ProcessInstance instance) {
        for (int step = 0; step < 50; step++) {
            Job next = nextJob(instance);
            if (next == null) {
                return;
            }
            managementService.executeJob(next.getId());
        }
    }

    Job nextJob(ProcessInstance instance) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    }

    int state(long invoiceId) {
        return jdbc.queryForObject("select state_code from tax_invoice where id = ?", Integer.class, invoiceId);
    }
}
