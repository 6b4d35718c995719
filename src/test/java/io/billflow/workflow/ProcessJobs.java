package io.billflow.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Process tests run with the job executor off and drive each job by the id of its step:
 * {@code jobs.executeJobFor(process, TASK_PUBLISH)} runs the one job waiting at {@code Task_PublishReport} of that
 * instance (or of an instance it called), and fails, saying where the process waits, when that step has no job.
 * So a test says which step it expects next, and a model that moved the step elsewhere fails there.
 */
public final class ProcessJobs {

    private final ManagementService managementService;
    private final RuntimeService runtimeService;

    public ProcessJobs(ProcessEngine engine) {
        this.managementService = engine.getManagementService();
        this.runtimeService = engine.getRuntimeService();
    }

    /** Runs the job of the step; what the job throws (a failed delegate) is thrown here, as the executor sees it. */
    public void executeJobFor(ProcessInstance instance, String activityId) {
        executeJobFor(instance.getId(), activityId);
    }

    public void executeJobFor(String processInstanceId, String activityId) {
        managementService.executeJob(jobFor(processInstanceId, activityId).getId());
    }

    public Job jobFor(ProcessInstance instance, String activityId) {
        return jobFor(instance.getId(), activityId);
    }

    /** The one job of the step in the instance or the instances it called; an AssertionError if none or several. */
    public Job jobFor(String processInstanceId, String activityId) {
        List<Job> jobs = new ArrayList<>();
        for (String id : family(processInstanceId)) {
            jobs.addAll(managementService.createJobQuery().processInstanceId(id).activityId(activityId).list());
        }
        if (jobs.size() != 1) {
            throw new AssertionError((jobs.isEmpty() ? "no job" : jobs.size() + " jobs") + " for " + activityId
                    + " in process instance " + processInstanceId + "; it waits at " + whereItWaits(processInstanceId));
        }
        return jobs.get(0);
    }

    /** The active steps of the instance and its called instances, and the steps that have jobs. */
    public String whereItWaits(String processInstanceId) {
        StringBuilder where = new StringBuilder();
        for (String id : family(processInstanceId)) {
            if (runtimeService.createProcessInstanceQuery().processInstanceId(id).count() == 0) {
                where.append("(instance ").append(id).append(" has ended)");
                continue;
            }
            where.append(runtimeService.getActiveActivityIds(id));
            List<String> jobSteps = new ArrayList<>();
            managementService.createJobQuery().processInstanceId(id).list().forEach(job -> jobSteps.add(
                    managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                            .list().stream().map(d -> d.getActivityId()).findFirst().orElse("?")));
            where.append(" jobs at ").append(jobSteps).append(' ');
        }
        return where.toString().strip();
    }

    private List<String> family(String processInstanceId) {
        List<String> ids = new ArrayList<>();
        ids.add(processInstanceId);
        for (int i = 0; i < ids.size(); i++) {
            runtimeService.createProcessInstanceQuery().superProcessInstanceId(ids.get(i)).list()
                    .forEach(sub -> ids.add(sub.getId()));
        }
        return ids;
    }
}
