package io.billflow.workflow.duty;

import java.util.Optional;

/**
 * Carries a task refusal from inside the engine (a task listener, on the caller's thread) to the HTTP layer.
 * Camunda wraps every listener exception in a {@code ProcessEngineException}, and its REST resources turn that
 * into a 500 with the engine's text; {@link EngineRestRefusalFilter} opens a scope around each engine REST call
 * and answers a refusal recorded in it as a 403 problem instead. Outside a scope nothing is kept.
 */
public final class TaskRefusals {

    private static final ThreadLocal<TaskRefusedException[]> SCOPE = new ThreadLocal<>();

    private TaskRefusals() {
    }

    /** Remembers the refusal in the current scope, if any, and hands it back to be thrown. */
    public static TaskRefusedException record(TaskRefusedException refusal) {
        TaskRefusedException[] scope = SCOPE.get();
        if (scope != null) {
            scope[0] = refusal;
        }
        return refusal;
    }

    /** Opens a scope on this thread; pass the result to {@link #close}. */
    static Scope open() {
        Scope scope = new Scope(SCOPE.get(), new TaskRefusedException[1]);
        SCOPE.set(scope.slot());
        return scope;
    }

    /** Closes the scope and returns the refusal recorded in it, or null. */
    static TaskRefusedException close(Scope scope) {
        if (scope.outer() == null) {
            SCOPE.remove();
        } else {
            SCOPE.set(scope.outer());
        }
        return scope.slot()[0];
    }

    record Scope(TaskRefusedException[] outer, TaskRefusedException[] slot) {
    }

    /** The refusal somewhere in the cause chain of an engine exception. */
    public static Optional<TaskRefusedException> in(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TaskRefusedException refusal) {
                return Optional.of(refusal);
            }
        }
        return Optional.empty();
    }
}
