package io.billflow.platform.camunda;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure the staff groups and their authorizations exist, on every start and on every node.
 * Idempotent: missing groups are created, missing permissions added, nothing an administrator
 * granted on top is taken away.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaffIdentityBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StaffIdentityBootstrap.class);

    private static final Map<String, String> GROUP_NAMES = Map.of(
            StaffGroups.ADMIN, "billflow administrators",
            StaffGroups.OPERATIONS, "Operations (운영)",
            StaffGroups.SETTLEMENT_MANAGERS, "Settlement managers (정산 담당)",
            StaffGroups.API_CLIENTS, "API clients (연동 시스템)");

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;

    private final List<String> systemStartableProcesses;

    public StaffIdentityBootstrap(IdentityService identityService, AuthorizationService authorizationService,
                                  @Value("${billflow.workflow.system-startable-processes:}") List<String> systemStartable) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.systemStartableProcesses = systemStartable;
    }

    @Override
    public void run(ApplicationArguments args) {
        StaffGroups.ALL.forEach(this::ensureGroup);
        StaffAuthorizations.GRANTS.forEach(this::ensureGrant);
        StaffAuthorizations.systemStarts(systemStartableProcesses).forEach(this::ensureGrant);
    }

    private void ensureGroup(String groupId) {
        if (identityService.createGroupQuery().groupId(groupId).singleResult() != null) {
            return;
        }
        Group group = identityService.newGroup(groupId);
        group.setName(GROUP_NAMES.get(groupId));
        group.setType(StaffGroups.ADMIN.equals(groupId) ? "SYSTEM" : "WORKFLOW");
        identityService.saveGroup(group);
        log.info("Created staff group {}", groupId);
    }

    private void ensureGrant(StaffAuthorizations.Grant grant) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
                .groupIdIn(grant.groupId())
                .resourceType(grant.resource())
                .resourceId(grant.resourceId())
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .singleResult();
        boolean created = authorization == null;
        if (created) {
            authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(grant.groupId());
            authorization.setResource(grant.resource());
            authorization.setResourceId(grant.resourceId());
        }
        boolean changed = created;
        for (Permission permission : grant.permissions()) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizationService.saveAuthorization(authorization);
        }
    }
}
