package io.billflow.workflow;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.billflow.platform.metrics.MetricsProperties;
import io.billflow.platform.metrics.SampledCounts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * The engine's side for operations: open incidents (a job out of retries), and open user tasks per candidate
 * group (operations' failures to handle, settlement managers' reviews and approvals).
 */
@Component
class WorkflowMetrics implements MeterBinder {

    static final List<String> TASK_GROUPS = List.of("operations", "settlement-managers");

    private final SampledCounts counts;

    public WorkflowMetrics(RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
                           MetricsProperties properties, Clock clock) {
        this.counts = new SampledCounts(properties.sampleTtl(), clock, () -> {
            Map<String, Long> sample = new HashMap<>();
            sample.put("incidents", runtimeService.createIncidentQuery().count());
            sample.put("jobsWithoutRetries", managementService.createJobQuery().noRetriesLeft().count());
            for (String group : TASK_GROUPS) {
                sample.put("tasks/" + group, taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().count());
            }
            return sample;
        });
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counts.gauge(registry, "billflow.camunda.incidents", "Open Camunda incidents", "incidents", Tags.empty());
        counts.gauge(registry, "billflow.camunda.jobs.without.retries", "Jobs that failed all their retries",
                "jobsWithoutRetries", Tags.empty());
        for (String group : TASK_GROUPS) {
            counts.gauge(registry, "billflow.tasks.open", "Open user tasks offered to a candidate group",
                    "tasks/" + group, Tags.of("group", group));
        }
    }
}
