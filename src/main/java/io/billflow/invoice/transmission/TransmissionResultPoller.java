package io.billflow.invoice.transmission;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Verdicts for invoices sent outside the night (send-to-nts) arrive at any time: collect them every
 * 30 s. Safe beside the nightly process: each verdict is applied once (conditional update), and a round
 * is skipped while a lane of the night collects (the lanes take every verdict then).
 */
@Component
class TransmissionResultPoller {

    private final TransmissionService transmission;

    public TransmissionResultPoller(TransmissionService transmission) {
        this.transmission = transmission;
    }

    @Scheduled(fixedDelayString = "${billflow.nts.result-poll-interval:PT30S}", initialDelayString = "PT30S")
    public void collect() {
        transmission.collectResultsBesideTheNight(1_000);
    }
}
