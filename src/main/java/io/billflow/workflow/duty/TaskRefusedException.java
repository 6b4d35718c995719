package io.billflow.workflow.duty;

/**
 * A user task may not be completed by this caller: nobody is signed in, or a separation-of-duty rule names the
 * signed-in user (the reviewer of a report approving its payout). The engine wraps it when it leaves a task
 * listener; {@link TaskRefusals} finds it again for the HTTP answer (403 problem, not a 500 with engine text).
 */
public class TaskRefusedException extends RuntimeException {

    /** Why: {@code UNAUTHENTICATED} (no signed-in user in the engine command) or the name of the rule. */
    private final String rule;
    private final String actor;

    public TaskRefusedException(String rule, String actor, String message) {
        super(message);
        this.rule = rule;
        this.actor = actor;
    }

    public String rule() {
        return rule;
    }

    /** The signed-in user who was refused, or null when nobody was signed in. */
    public String actor() {
        return actor;
    }
}
