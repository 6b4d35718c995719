package io.billflow.platform.camunda;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;
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

    public static final List<Grant> GRANTS = List.of(
            // operations: Tasklist and their tasks
            new Grant(StaffGroups.OPERATIONS, APPLICATION, "tasklist", ACCESS),
            new Grant(StaffGroups.OPERATIONS, FILTER, ANY, READ),
            new Grant(StaffGroups.OPERATIONS, PROCESS_DEFINITION, ANY, READ),
            new Grant(StaffGroups.OPERATIONS, USER, ANY, READ),
            new Grant(StaffGroups.OPERATIONS, GROUP, ANY, READ),

            // settlement managers: Cockpit read-only, Tasklist for their review tasks
            new Grant(StaffGroups.SETTLEMENT_MANAGERS, APPLICATION, "cockpit", ACCESS),
            new Grant(StaffGroups.SETTLEMENT_MANAGERS, APPLICATION, "tasklist", ACCESS),
            new Grant(StaffGroups.SETTLEMENT_MANAGERS, FILTER, ANY, READ),
            new Grant(StaffGroups.SETTLEMENT_MANAGERS, DEPLOYMENT, ANY, READ),
            new Grant(StaffGroups.SETTLEMENT_MANAGERS, PROCESS_DEFINITION, ANY,
                    READ, READ_INSTANCE, READ_HISTORY, READ_TASK),
            new Grant(StaffGroups.SETTLEMENT_MANAGERS, PROCESS_INSTANCE, ANY, READ),
            new Grant(StaffGroups.SETTLEMENT_MANAGERS, USER, ANY, READ),
            new Grant(StaffGroups.SETTLEMENT_MANAGERS, GROUP, ANY, READ),

            // api clients: start and follow process instances, no webapp
            new Grant(StaffGroups.API_CLIENTS, PROCESS_DEFINITION, ANY,
                    READ, CREATE_INSTANCE, READ_INSTANCE, READ_HISTORY),
            new Grant(StaffGroups.API_CLIENTS, PROCESS_INSTANCE, ANY, CREATE, READ));

    private StaffAuthorizations() {
    }
}
