package io.billflow.platform.camunda;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY_VARIABLE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK_VARIABLE;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import java.util.List;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * What each staff group may do inside the engine. Tasks need no grant here: the engine gives a
 * candidate group its task authorization when a user task is created with {@code camunda:candidateGroups}.
 * {@code camunda-admin} gets everything from Camunda's own admin bootstrap.
 */
public final class StaffAuthorizations {

    /** One grant: group × resource × resource id → permissions. */
    public record Grant(String groupId, Resource resource, String resourceId, List<Permission> permissions) {
        Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
            this(groupId, resource, resourceId, List.of(permissions));
        }
    }

    /** The processes whose user tasks operations work (Tasklist forms read those tasks' variables). */
    static final List<String> OPERATIONS_TASK_PROCESSES = List.of("reverseInvoiceProcess",
            "invoiceDeadlineEscalationProcess", "notificationFailureProcess", "settlementProcess");

    /**
     * Least privilege (docs/security/access-matrix.md). Nobody but {@code camunda-admin} may start a process in the
     * engine: billflow starts its own (a requested invoice, a report sent to review, the nightly batch) after its
     * validation. Variables are read with the specific variable permissions
     * ({@code enforceSpecificVariablePermission}): operations those of their tasks, settlement managers those of
     * {@code settlementProcess}, nobody else any.
     */
    public static final List<Grant> GRANTS = List.of(
            // operations: Tasklist and their tasks (task rights come with camunda:candidateGroups)
            new Grant(StaffGroups.OPERATIONS, APPLICATION, "tasklist", ACCESS),
            new Grant(StaffGroups.OPERATIONS, FILTER, ANY, READ),
            new Grant(StaffGroups.OPERATIONS, PROCESS_DEFINITION, ANY, READ),
            new Grant(StaffGroups.OPERATIONS, USER, ANY, READ),
            new Grant(StaffGroups.OPERATIONS, GROUP, ANY, READ),
            new Grant(StaffGroups.OPERATIONS, PROCESS_DEFINITION, "reverseInvoiceProcess", READ_TASK_VARIABLE),
            new Grant(StaffGroups.OPERATIONS, PROCESS_DEFINITION, "invoiceDeadlineEscalationProcess", READ_TASK_VARIABLE),
            new Grant(StaffGroups.OPERATIONS, PROCESS_DEFINITION, "notificationFailureProcess", READ_TASK_VARIABLE),
            new Grant(StaffGroups.OPERATIONS, PROCESS_DEFINITION, "settlementProcess", READ_TASK_VARIABLE),

            // settlement managers: Cockpit read-only on the settlement process, Tasklist for their reviews/approvals
            new Grant(StaffGroups.SETTLEMENT_MANAGERS, APPLICATION, "cockpit", ACCESS),
            new Grant(StaffGroups.SETTLEMENT_MANAGERS, APPLICATION, "tasklist", ACCESS),
            new Grant(StaffGroups.SETTLEMENT_MANAGERS, FILTER, ANY, READ),
            new Grant(StaffGroups.SETTLEMENT_MANAGERS, DEPLOYMENT, ANY, READ),
            new Grant(StaffGroups.SETTLEMENT_MANAGERS, PROCESS_DEFINITION, ANY, READ),
            new Grant(StaffGroups.SETTLEMENT_MANAGERS, PROCESS_DEFINITION, "settlementProcess",
                    READ, READ_INSTANCE, READ_HISTORY, READ_TASK, READ_INSTANCE_VARIABLE, READ_HISTORY_VARIABLE,
                    READ_TASK_VARIABLE),
            new Grant(StaffGroups.SETTLEMENT_MANAGERS, USER, ANY, READ),
            new Grant(StaffGroups.SETTLEMENT_MANAGERS, GROUP, ANY, READ));

    /**
     * {@code api-clients}: only the processes an operator declared startable by systems
     * ({@code billflow.workflow.system-startable-processes}, none shipped), and only through billflow's
     * {@code /api/process-instances}, which validates the variables: {@code /engine-rest} refuses the group outright
     * ({@link EngineRestGroupsFilter}). No variable read.
     */
    public static List<Grant> systemStarts(List<String> processKeys) {
        List<Grant> grants = new java.util.ArrayList<>();
        for (String key : processKeys) {
            grants.add(new Grant(StaffGroups.API_CLIENTS, PROCESS_DEFINITION, key,
                    READ, CREATE_INSTANCE, READ_INSTANCE, READ_HISTORY));
        }
        if (!processKeys.isEmpty()) {
            grants.add(new Grant(StaffGroups.API_CLIENTS, PROCESS_INSTANCE, ANY, CREATE));
        }
        return grants;
    }

    private StaffAuthorizations() {
    }
}
