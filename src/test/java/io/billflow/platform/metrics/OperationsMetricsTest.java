package io.billflow.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import io.billflow.BillflowSpringTest;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The business gauges (exported on {@code /actuator/prometheus}; Spring Boot's tests keep the Prometheus export off,
 * so they are read from the registry here) say what our tables and the engine say: the test profile re-counts on
 * every read. Compared until a read and the count agree, since the outbox workers run meanwhile.
 */
@BillflowSpringTest
class OperationsMetricsTest {

    @Autowired
    MeterRegistry registry;

    @Autowired
    ManagementService managementService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Test
    void aFailedMessageShowsInTheOutboxGaugeOfItsChannel() {
        jdbc.update("""
                insert into notification_message (dedup_key, event_type, recipients, subject, text_body, status, attempts,
                    next_attempt_at, created_at, last_error)
                values (?, 'PARTNER_NTS_LINKED', 'x@example.com', 'subject', 'text', 'FAILED', 8, ?, ?, '550 mailbox full')""",
                "metrics-failed-" + System.nanoTime(), Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
        agrees(gauge("billflow.notifications", "channel", "EMAIL", "status", "FAILED"),
                "select count(*) from notification_message where channel = 'EMAIL' and status = 'FAILED'");
        assertThat(gauge("billflow.notifications", "channel", "EMAIL", "status", "FAILED").value()).isPositive();
        agrees(gauge("billflow.notifications.awaiting.report", "channel", "SMS"),
                "select count(*) from notification_message where delivery_status = 'ACCEPTED' and delivery_channel = 'SMS'");
        assertThat(gauge("billflow.notifications.oldest.due.seconds").value()).isNotNegative();
    }

    @Test
    void invoicesAndPayoutsOnTheirWayAreCountedPerState() {
        agrees(gauge("billflow.invoices", "state", "REQUESTED"),
                "select count(*) from tax_invoice where state_code = 200 and deleted_at is null");
        agrees(gauge("billflow.invoices", "state", "TRANSMISSION_FAILED"),
                "select count(*) from tax_invoice where state_code = 305 and deleted_at is null");
        agrees(gauge("billflow.payouts", "status", "FAILED"),
                "select count(*) from settlement_payout where status = 'FAILED'");
        agrees(gauge("billflow.payouts.amount.won", "status", "SCHEDULED"),
                "select coalesce(sum(payout_amount), 0) from settlement_payout where status = 'SCHEDULED'");
    }

    @Test
    void theEngineSideCountsIncidentsAndOpenTasks() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat((long) gauge("billflow.camunda.incidents").value())
                    .isEqualTo(runtimeService.createIncidentQuery().count());
            assertThat((long) gauge("billflow.camunda.jobs.without.retries").value())
                    .isEqualTo(managementService.createJobQuery().noRetriesLeft().count());
            assertThat((long) gauge("billflow.tasks.open", "group", "operations").value())
                    .isEqualTo(taskService.createTaskQuery().taskCandidateGroup("operations").includeAssignedTasks().count());
            assertThat((long) gauge("billflow.tasks.open", "group", "settlement-managers").value())
                    .isEqualTo(taskService.createTaskQuery().taskCandidateGroup("settlement-managers")
                            .includeAssignedTasks().count());
        });
    }

    /** Reads until the gauge and the table agree (another test's work may move the table meanwhile). */
    private void agrees(Gauge gauge, String countSql) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat((long) gauge.value())
                .as(gauge.getId().toString()).isEqualTo(jdbc.queryForObject(countSql, Long.class)));
    }

    private Gauge gauge(String name, String... tags) {
        return registry.get(name).tags(tags).gauge();
    }
}
