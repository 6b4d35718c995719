package io.billflow.platform.camunda.demo;

import java.util.List;

import io.billflow.platform.camunda.StaffGroups;
import io.billflow.platform.web.DemoAccounts;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One demo account per staff group, for the embedded default run only
 * ({@code billflow.demo-users.enabled=true} in the {@code local} profile). Never enable it elsewhere:
 * the passwords are printed and published in the README. Dev code: the production jar does not carry
 * this package (docs/adr/0005-production-artifact-without-dev-stack.md), so no setting can turn it on there.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
@ConditionalOnProperty(prefix = "billflow.demo-users", name = "enabled", havingValue = "true")
public class DemoUsers implements ApplicationRunner, DemoAccounts {

    /** A demo account: the password equals the user id, on purpose. */
    public record DemoUser(String id, String firstName, String lastName, String group, String purpose) {
        public String password() {
            return id;
        }
    }

    public static final List<DemoUser> USERS = List.of(
            new DemoUser("operator", "민지", "김", StaffGroups.OPERATIONS, "Tasklist: operations tasks"),
            new DemoUser("manager", "서준", "이", StaffGroups.SETTLEMENT_MANAGERS, "Cockpit + settlement reviews"),
            new DemoUser("manager2", "하은", "정", StaffGroups.SETTLEMENT_MANAGERS,
                    "the second pair of eyes: payout approvals"),
            new DemoUser("api-client", "ERP", "연동", StaffGroups.API_CLIENTS, "REST: /api and /engine-rest"));

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final IdentityService identityService;

    public DemoUsers(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public List<Account> accounts() {
        return USERS.stream().map(u -> new Account(u.id(), u.group(), u.purpose())).toList();
    }

    @Override
    public void run(ApplicationArguments args) {
        for (DemoUser demo : USERS) {
            if (identityService.createUserQuery().userId(demo.id()).singleResult() == null) {
                User user = identityService.newUser(demo.id());
                user.setFirstName(demo.firstName());
                user.setLastName(demo.lastName());
                user.setEmail(demo.id() + "@billflow.local");
                user.setPassword(demo.password());
                identityService.saveUser(user);
            }
            if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(demo.group()).count() == 0) {
                identityService.createMembership(demo.id(), demo.group());
            }
        }
        StringBuilder table = new StringBuilder("\n  Demo users (local profile only; password = user id):\n");
        USERS.forEach(u -> table.append(String.format("    %-11s %-20s %s%n", u.id(), u.group(), u.purpose())));
        log.info(table.toString());
    }
}
