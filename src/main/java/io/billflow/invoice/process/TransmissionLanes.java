package io.billflow.invoice.process;

import io.billflow.invoice.transmission.Lane;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Which lane of the night's parallel multi-instance subprocess an execution runs in. */
final class TransmissionLanes {

    /** Set by the engine on each instance of a multi-instance activity (0-based) and on its body. */
    private static final String LOOP_COUNTER = "loopCounter";
    private static final String NUMBER_OF_INSTANCES = "nrOfInstances";

    private TransmissionLanes() {
    }

    /** The lane of this execution; a step outside the lanes (no loop counter) takes everything. */
    static Lane of(DelegateExecution execution) {
        Object index = execution.getVariable(LOOP_COUNTER);
        Object count = execution.getVariable(NUMBER_OF_INSTANCES);
        if (index instanceof Integer i && count instanceof Integer n) {
            return new Lane(i, n);
        }
        return Lane.ALL;
    }
}
