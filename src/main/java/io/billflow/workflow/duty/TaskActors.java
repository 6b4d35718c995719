package io.billflow.workflow.duty;

import java.time.Clock;

import io.billflow.platform.audit.AuditEntry;
import io.billflow.platform.audit.AuditLog;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who completes a user task: the user signed in to the engine command ({@code IdentityService}'s current
 * authentication), never the task's assignee, which anyone allowed to work the task can set to someone else.
 * Every path sets it: Camunda's Basic filter on {@code /engine-rest}, the webapps' session filter for Tasklist,
 * billflow's {@code /api} ({@code identityService.setAuthentication}). No authentication means a call from
 * inside the application that names nobody, and is refused like a rule: a decision always has a person.
 */
@Component
public class TaskActors {

    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    private static final int MAX = 255;

    private final AuditLog auditLog;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    public TaskActors(AuditLog auditLog, Clock clock, PlatformTransactionManager transactions) {
        this.auditLog = auditLog;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        // the engine's transaction rolls back with the refusal; the audit record must stay
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The signed-in user completing {@code task}; refused (and audited) when nobody is signed in. */
    public String completingUser(DelegateTask task, String subjectType, String subjectId) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String user = authentication == null ? null : authentication.getUserId();
        if (user == null || user.isBlank()) {
            throw refuse(task, UNAUTHENTICATED, null, subjectType, subjectId,
                    "Nobody is signed in: a task is completed by a signed-in user (Tasklist, /engine-rest with HTTP "
                            + "Basic, or billflow's /api).");
        }
        return user;
    }

    /** The variable the process's later steps name as their actor: who decided the last task. */
    public static final String DECIDED_BY = "decidedBy";

    /**
     * A task listener ({@code ${taskActors.rememberDecider(task)}} on complete): the signed-in user decided, and the
     * steps that carry the decision out record that user, not a group name. Nobody signed in is refused.
     */
    public void rememberDecider(DelegateTask task) {
        String subject = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        task.getExecution().setVariable(DECIDED_BY, completingUser(task, task.getProcessDefinitionId().split(":")[0],
                subject));
    }

    /**
     * Who the step carrying out an operations decision records as its actor: the signed-in user who completed the
     * task ({@link #rememberDecider}); instances whose task was completed before that listener existed name the group.
     */
    public static String decidedBy(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
        Object user = execution.getVariable(DECIDED_BY);
        return user == null ? "operations (Tasklist)" : user.toString();
    }

    /** Audits the refusal in a transaction of its own and returns the exception for the listener to throw. */
    public TaskRefusedException refuse(DelegateTask task, String rule, String actor, String subjectType,
                                       String subjectId, String message) {
        String detail = truncate(task.getTaskDefinitionKey() + " " + rule + ": " + message, 1000);
        ownTransaction.executeWithoutResult(status -> auditLog.save(AuditEntry.of(clock.instant(),
                actor == null ? "(none)" : truncate(actor, MAX), "TASK_REFUSED", subjectType, subjectId, detail)));
        return TaskRefusals.record(new TaskRefusedException(rule, actor, message));
    }

    private static String truncate(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }
}
