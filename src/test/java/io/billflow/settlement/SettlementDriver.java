package io.billflow.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.billflow.TestHttp;
import io.billflow.workflow.BpmnIds.Settlement;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drives {@code settlementProcess} for tests whose job executor is off: runs each report's jobs (and those of the
 * reverse invoice process it calls) one by one, works its tasks the way Tasklist does over Camunda's REST API,
 * runs the nightly batch, and brings the payout day forward as an operator would.
 */
final class SettlementDriver {

    private final TestHttp staff;
    private final JdbcTemplate jdbc;
    private final ManagementService managementService;
    private final RuntimeService runtimeService;

    SettlementDriver(TestHttp staff, JdbcTemplate jdbc, ManagementService managementService,
                     RuntimeService runtimeService) {
        this.staff = staff;
        this.jdbc = jdbc;
        this.managementService = managementService;
        this.runtimeService = runtimeService;
    }

    /**
     * Runs every executable job of the report's process and of the invoice process it calls until none is left.
     * A job that fails (a bank that did not answer) is retried at once while it has retries, as the executor would
     * after its back-off; one without retries left is an incident and stays.
     */
    void runJobs(long reportId) {
        for (int step = 0; step < 200; step++) {
            Job next = nextJob(reportId);
            if (next == null) {
                return;
            }
            try {
                managementService.executeJob(next.getId());
            } catch (RuntimeException failed) {
                Job after = managementService.createJobQuery().jobId(next.getId()).singleResult();
                if (after != null && after.getRetries() > 0) {
                    managementService.setJobDuedate(after.getId(), new Date());
                }
            }
        }
        throw new AssertionError("report " + reportId + ": jobs keep coming");
    }

    /**
     * Runs the report's jobs like {@link #runJobs}, and a job that used up its retries (an incident) is retried the
     * way operations do in Cockpit, until none is left: for a bank that fails at random, where five failures in a
     * row are rare but not impossible.
     */
    void runJobsRetryingIncidentsLikeOperations(long reportId) {
        for (int round = 0; round < 20; round++) {
            runJobs(reportId);
            List<Job> exhausted = new ArrayList<>();
            for (String processId : family(reportId)) {
                exhausted.addAll(managementService.createJobQuery().processInstanceId(processId).noRetriesLeft().list());
            }
            if (exhausted.isEmpty()) {
                return;
            }
            // as Cockpit's "retry": one more try, due now (the failed job still carries its next retry time)
            exhausted.forEach(job -> {
                managementService.setJobRetries(job.getId(), 1);
                managementService.setJobDuedate(job.getId(), new Date());
            });
        }
        throw new AssertionError("report " + reportId + ": its jobs keep failing after 20 rounds of retries");
    }

    private Job nextJob(long reportId) {
        for (String processId : family(reportId)) {
            Job job = managementService.createJobQuery().processInstanceId(processId).executable().listPage(0, 1)
                    .stream().findFirst().orElse(null);
            if (job != null) {
                return job;
            }
        }
        return null;
    }

    private List<String> family(long reportId) {
        List<String> ids = new ArrayList<>();
        ProcessInstance settlement = process(reportId);
        if (settlement != null) {
            ids.add(settlement.getId());
            runtimeService.createProcessInstanceQuery().superProcessInstanceId(settlement.getId()).list()
                    .forEach(sub -> ids.add(sub.getId()));
        }
        return ids;
    }

    ProcessInstance process(long reportId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(Settlement.PROCESS_ID)
                .processInstanceBusinessKey(String.valueOf(reportId)).singleResult();
    }

    void requestReview(long reportId) {
        HttpResponse<String> requested = staff.postJson("/api/settlement/reports/" + reportId + "/review-request", "",
                "manager", "manager");
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(200);
    }

    /** What Tasklist does: claim, then submit the form's field; asserts it was accepted. */
    void completeTask(long reportId, String taskKey, String user, String field, String value) {
        HttpResponse<String> submitted = submitTask(reportId, taskKey, user, field, value);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
    }

    HttpResponse<String> submitTask(long reportId, String taskKey, String user, String field, String value) {
        String taskId = openTask(reportId, taskKey, user);
        assertThat(taskId).as(taskKey + " of report " + reportId).isNotNull();
        staff.postJson("/engine-rest/task/" + taskId + "/unclaim", "", "admin", "admin");
        HttpResponse<String> claimed = staff.postJson("/engine-rest/task/" + taskId + "/claim",
                "{\"userId\":\"" + user + "\"}", user, user);
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
        return staff.postJson("/engine-rest/task/" + taskId + "/submit-form",
                "{\"variables\":{\"" + field + "\":{\"value\":\"" + value + "\"}}}", user, user);
    }

    String openTask(long reportId, String taskKey, String user) {
        JsonNode tasks = SettlementFixtures.json(staff.getBasic("/engine-rest/task?processInstanceBusinessKey=" + reportId
                + "&taskDefinitionKey=" + taskKey, user, user));
        return tasks.isEmpty() ? null : tasks.get(0).get("id").asText();
    }

    /** Staff confirm the reverse invoice for the partner, with this write date. */
    void confirmForThePartner(long reportId, java.time.LocalDate writeDate) {
        HttpResponse<String> confirmed = staff.postJson("/api/settlement/reports/" + reportId + "/partner-confirmation",
                "{\"writeDate\":\"" + writeDate + "\"}", "manager", "manager");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
    }

    long invoiceOf(long reportId) {
        Long invoice = jdbc.queryForObject("select invoice_id from settlement_report where id = ?", Long.class, reportId);
        assertThat(invoice).as("the reverse invoice of report " + reportId).isNotNull();
        return invoice;
    }

    /** {@code POST /api/admin/nts/run-nightly-batch}, then the batch's jobs one by one. */
    void runNightlyBatch() {
        HttpResponse<String> run = staff.postJson("/api/admin/nts/run-nightly-batch", "", "admin", "admin");
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        String night = SettlementFixtures.json(run).get("processInstanceId").asText();
        for (int step = 0; step < 200; step++) {
            Job next = managementService.createJobQuery().processInstanceId(night).listPage(0, 1).stream().findFirst()
                    .orElse(null);
            if (next == null) {
                return;
            }
            managementService.executeJob(next.getId());
        }
        throw new AssertionError("the nightly batch keeps making jobs");
    }

    /** The payout-day timer is due now (an operator's "execute" in Cockpit or /engine-rest). */
    void payoutDayIsNow(long reportId) {
        ProcessInstance settlement = process(reportId);
        if (settlement == null) {
            return;
        }
        managementService.createJobQuery().processInstanceId(settlement.getId()).timers()
                .activityId(Settlement.TIMER_PAYOUT_DATE).list()
                .forEach(timer -> managementService.setJobDuedate(timer.getId(), new Date()));
    }

    /** Where the report's processes wait, and their jobs (due date, retries, last error): what a failure needs said. */
    String whereItWaits(long reportId) {
        StringBuilder where = new StringBuilder();
        for (String processId : family(reportId)) {
            where.append(runtimeService.getActiveActivityIds(processId));
            managementService.createJobQuery().processInstanceId(processId).list().forEach(job -> where.append(" job ")
                    .append(job.getDuedate()).append(" retries ").append(job.getRetries()).append(' ')
                    .append(job.getExceptionMessage()));
        }
        return where.toString();
    }

    String status(long reportId) {
        return jdbc.queryForObject("select status from settlement_report where id = ?", String.class, reportId);
    }
}
