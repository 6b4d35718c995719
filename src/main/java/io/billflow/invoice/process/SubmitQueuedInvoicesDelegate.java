package io.billflow.invoice.process;

import static io.billflow.workflow.BpmnIds.NtsTransmission.VAR_CHUNK_FULL;

import io.billflow.invoice.transmission.Lane;
import io.billflow.invoice.transmission.TransmissionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** One chunk of the night: hand queued invoices over to NTS (and retry transient failures). */
@Component("submitQueuedInvoicesDelegate")
class SubmitQueuedInvoicesDelegate implements JavaDelegate {

    private final TransmissionService transmission;
    private final int chunk;

    public SubmitQueuedInvoicesDelegate(TransmissionService transmission,
                                        @Value("${billflow.nts.chunk-size:500}") int chunk) {
        this.transmission = transmission;
        this.chunk = chunk;
    }

    /** Each lane owns its invoices (see {@link Lane}); loop variables stay local to it, so lanes never share them. */
    @Override
    public void execute(DelegateExecution execution) {
        Lane lane = TransmissionLanes.of(execution);
        transmission.retryUnsubmitted(lane, chunk);
        execution.setVariableLocal(VAR_CHUNK_FULL, transmission.submitQueued(lane, chunk) == chunk);
    }
}
