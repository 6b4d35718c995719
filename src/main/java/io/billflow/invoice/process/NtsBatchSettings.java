package io.billflow.invoice.process;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Timings of the nightly batch that its BPMN reads ({@code ${ntsBatchSettings.verdictWait}}). */
@Component("ntsBatchSettings")
public class NtsBatchSettings {

    private final Duration verdictWait;
    private final int lanes;

    public NtsBatchSettings(@Value("${billflow.nts.verdict-wait:PT1M}") Duration verdictWait,
                            @Value("${billflow.nts.lanes:2}") int lanes) {
        if (lanes < 1) {
            throw new IllegalArgumentException("billflow.nts.lanes: at least 1");
        }
        this.verdictWait = verdictWait;
        this.lanes = lanes;
    }

    /** How many lanes hand over and collect side by side ({@code ${ntsBatchSettings.lanes}}). */
    public int getLanes() {
        return lanes;
    }

    /** How long the batch waits before asking NTS again for verdicts that have not arrived (ISO-8601). */
    public String getVerdictWait() {
        return verdictWait.toString();
    }
}
