package io.billflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import io.billflow.BillflowSpringTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's cron timers fire at Seoul wall-clock time although this JVM was started with
 * {@code -Duser.timezone=UTC}: {@code 0 0 3 * * *} must be due at 03:00 KST (18:00 UTC).
 */
@BillflowSpringTest
class EngineTimeZoneTest {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    ManagementService managementService;

    @Test
    void aThreeOClockCronTimerIsDueAtThreeInSeoul() {
        String definitionId = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey("foundationNightlyTimerCheckProcess").latestVersion().singleResult().getId();
        Job timer = managementService.createJobQuery().processDefinitionId(definitionId).timers().singleResult();

        ZonedDateTime due = timer.getDuedate().toInstant().atZone(SEOUL);
        assertThat(due.getHour()).isEqualTo(3);
        assertThat(due.getMinute()).isZero();
        assertThat(timer.getDuedate().toInstant().atZone(ZoneId.of("UTC")).getHour()).isEqualTo(18);
        // the next 03:00 after the timer was scheduled (at deployment), not after now: a suite that starts before 03:00
        // Seoul and reaches this test after it (a CI run at 02:59) still has today's timer, due but not yet fired
        ZonedDateTime scheduled = timer.getCreateTime().toInstant().atZone(SEOUL);
        assertThat(due).isAfter(scheduled).isBefore(scheduled.plusDays(1).plusMinutes(1));
    }
}
