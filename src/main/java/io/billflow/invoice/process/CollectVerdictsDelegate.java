package io.billflow.invoice.process;

import static io.billflow.workflow.BpmnIds.NtsTransmission.VAR_PENDING;

import io.billflow.invoice.transmission.TransmissionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Applies the NTS verdicts that have arrived; the process waits and asks again while any are missing. */
@Component("collectVerdictsDelegate")
public class CollectVerdictsDelegate implements JavaDelegate {

    private final TransmissionService transmission;

    public CollectVerdictsDelegate(TransmissionService transmission) {
        this.transmission = transmission;
    }

    @Override
    public void execute(DelegateExecution execution) {
        transmission.retryUnsubmitted(1_000);
        while (transmission.collectResults(1_000) == 1_000) {
            // keep going while whole chunks of verdicts arrive
        }
        execution.setVariable(VAR_PENDING, transmission.pending());
    }
}
