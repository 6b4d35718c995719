package io.billflow.invoice.process;

import static io.billflow.workflow.BpmnIds.NtsTransmission.VAR_CHUNK_FULL;
import static io.billflow.workflow.BpmnIds.NtsTransmission.VAR_CUTOFF;

import java.util.Date;

import io.billflow.invoice.transmission.TransmissionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** One chunk of the night: queue invoices issued before the run started (the cut-off). */
@Component("queueIssuedInvoicesDelegate")
class QueueIssuedInvoicesDelegate implements JavaDelegate {

    private final TransmissionService transmission;
    private final int chunk;

    public QueueIssuedInvoicesDelegate(TransmissionService transmission,
                                       @Value("${billflow.nts.chunk-size:500}") int chunk) {
        this.transmission = transmission;
        this.chunk = chunk;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date cutoff = (Date) execution.getVariable(VAR_CUTOFF);
        if (cutoff == null) {
            cutoff = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime();
            execution.setVariable(VAR_CUTOFF, cutoff);
        }
        execution.setVariable(VAR_CHUNK_FULL, transmission.queueIssuedBefore(cutoff.toInstant(), chunk) == chunk);
    }
}
