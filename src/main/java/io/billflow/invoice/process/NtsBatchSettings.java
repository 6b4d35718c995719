package io.billflow.invoice.process;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Timings of the nightly batch that its BPMN reads ({@code ${ntsBatchSettings.verdictWait}}). */
@Component("ntsBatchSettings")
public class NtsBatchSettings {

    private final Duration verdictWait;

    public NtsBatchSettings(@Value("${billflow.nts.verdict-wait:PT1M}") Duration verdictWait) {
        this.verdictWait = verdictWait;
    }

    /** How long the batch waits before asking NTS again for verdicts that have not arrived (ISO-8601). */
    public String getVerdictWait() {
        return verdictWait.toString();
    }
}
