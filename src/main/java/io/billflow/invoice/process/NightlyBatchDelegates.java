package io.billflow.invoice.process;

import static io.billflow.workflow.BpmnIds.NtsTransmission.VAR_CHUNK_FULL;
import static io.billflow.workflow.BpmnIds.NtsTransmission.VAR_CUTOFF;
import static io.billflow.workflow.BpmnIds.NtsTransmission.VAR_PENDING;

import java.util.Date;

import io.billflow.invoice.transmission.Lane;
import io.billflow.invoice.transmission.TransmissionService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of {@code ntsTransmissionProcess}, each one chunk of {@code billflow.nts.chunk-size} and its own job; the
 * model loops while a chunk comes back full ({@code chunkFull}). The two lane steps are the same step with a
 * different chunk of work: each first retries the lane's hand-overs that failed, then does its chunk, and keeps its
 * loop variables local to the lane's execution, so lanes never share them (ADR 0011).
 */
@Configuration(proxyBeanMethods = false)
class NightlyBatchDelegates {

    /** One chunk of a lane's work; returns how many invoices it took. */
    @FunctionalInterface
    interface LaneChunk {
        int run(Lane lane, int chunk);
    }

    /** {@code Task_QueueIssuedInvoices}: 300 → 302 for what was issued before the night started (its cutoff). */
    @Bean
    JavaDelegate queueIssuedInvoicesDelegate(TransmissionService transmission,
                                             @Value("${billflow.nts.chunk-size:500}") int chunk) {
        return execution -> {
            Date cutoff = (Date) execution.getVariable(VAR_CUTOFF);
            if (cutoff == null) {
                cutoff = ClockUtil.getCurrentTime(); // the engine's clock, which process tests move
                execution.setVariable(VAR_CUTOFF, cutoff);
            }
            execution.setVariable(VAR_CHUNK_FULL, transmission.queueIssuedBefore(cutoff.toInstant(), chunk) == chunk);
        };
    }

    /** {@code Task_SubmitQueuedInvoices}: hand a chunk of the lane's queued invoices over to NTS. */
    @Bean
    JavaDelegate submitQueuedInvoicesDelegate(TransmissionService transmission,
                                              @Value("${billflow.nts.chunk-size:500}") int chunk) {
        return laneStep(transmission, chunk, transmission::submitQueued, false);
    }

    /** {@code Task_CollectVerdicts}: a chunk of the lane's verdicts, and whether any are still pending. */
    @Bean
    JavaDelegate collectVerdictsDelegate(TransmissionService transmission,
                                         @Value("${billflow.nts.chunk-size:500}") int chunk) {
        return laneStep(transmission, chunk, transmission::collectLaneResults, true);
    }

    private static JavaDelegate laneStep(TransmissionService transmission, int chunk, LaneChunk work,
                                         boolean tellsPending) {
        return execution -> {
            Lane lane = TransmissionLanes.of(execution);
            transmission.retryUnsubmitted(lane, chunk);
            execution.setVariableLocal(VAR_CHUNK_FULL, work.run(lane, chunk) == chunk);
            if (tellsPending) {
                execution.setVariableLocal(VAR_PENDING, transmission.pending(lane));
            }
        };
    }
}
