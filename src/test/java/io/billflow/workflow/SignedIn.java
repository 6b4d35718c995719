package io.billflow.workflow;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;

/**
 * Runs engine calls as a signed-in staff member, as Tasklist and {@code /engine-rest} do: a user task's decision is
 * the signed-in user's, and one completed with nobody signed in is refused ({@code TaskActors}).
 */
public final class SignedIn {

    private SignedIn() {
    }

    public static void asOperator(IdentityService identity, Runnable work) {
        as(identity, "operator", List.of("operations"), work);
    }

    public static void as(IdentityService identity, String user, List<String> groups, Runnable work) {
        identity.setAuthentication(user, groups);
        try {
            work.run();
        } finally {
            identity.clearAuthentication();
        }
    }
}
