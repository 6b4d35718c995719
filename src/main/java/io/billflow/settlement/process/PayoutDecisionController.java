package io.billflow.settlement.process;

import static io.billflow.workflow.BpmnIds.Settlement.PROCESS_ID;
import static io.billflow.workflow.BpmnIds.Settlement.TASK_APPROVE_PAYOUT;
import static io.billflow.workflow.BpmnIds.Settlement.VAR_PAYOUT_DECISION;

import java.util.Map;

import io.billflow.platform.security.StaffIdentity;
import io.billflow.platform.web.InvalidInputException;
import io.billflow.platform.web.ResourceNotFoundException;
import io.billflow.workflow.duty.TaskRefusals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * 지급 승인 (4-eyes) without Tasklist: completes the report's open approval task as the caller, with the caller
 * signed in to the engine, so the same listener holds the same rule as on Tasklist and {@code /engine-rest}.
 */
@RestController
@Tag(name = "Settlement process")
class PayoutDecisionController {

    private final TaskService taskService;
    private final IdentityService identityService;

    public PayoutDecisionController(TaskService taskService, IdentityService identityService) {
        this.taskService = taskService;
        this.identityService = identityService;
    }

    public record PayoutDecision(String decision) {
    }

    @PostMapping("/api/settlement/reports/{id}/payout-decision")
    @Operation(summary = "Approve or hold a payout above the approval threshold (settlement managers; never the "
            + "report's reviewer)")
    public Map<String, Object> decide(@PathVariable long id, @RequestBody PayoutDecision body, Authentication caller) {
        String decision = body == null ? null : body.decision();
        if (!"approve".equals(decision) && !"hold".equals(decision)) {
            throw new InvalidInputException("decision", "must be approve or hold");
        }
        StaffIdentity staff = StaffIdentity.of(caller);
        identityService.setAuthentication(staff.userId(), staff.groups());
        try {
            Task task = taskService.createTaskQuery().processDefinitionKey(PROCESS_ID)
                    .processInstanceBusinessKey(String.valueOf(id)).taskDefinitionKey(TASK_APPROVE_PAYOUT).singleResult();
            if (task == null) {
                throw new ResourceNotFoundException("Report " + id + " has no payout waiting for your approval");
            }
            taskService.complete(task.getId(), Map.of(VAR_PAYOUT_DECISION, decision));
            return Map.of("reportId", id, "decision", decision, "decidedBy", staff.userId());
        } catch (ProcessEngineException e) {
            throw TaskRefusals.in(e).<RuntimeException>map(refusal -> refusal).orElse(e);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
