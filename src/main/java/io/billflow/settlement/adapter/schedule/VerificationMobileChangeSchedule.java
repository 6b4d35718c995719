package io.billflow.settlement.adapter.schedule;

import io.billflow.settlement.application.VerificationMobileHold;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Puts held verification mobile changes in force once their hold has passed (a minute late at most). */
@Component
class VerificationMobileChangeSchedule {

    private final VerificationMobileHold mobileHold;

    VerificationMobileChangeSchedule(VerificationMobileHold mobileHold) {
        this.mobileHold = mobileHold;
    }

    @Scheduled(fixedDelayString = "${billflow.partner.contact-change-poll-interval:PT1M}", initialDelayString = "PT1M")
    void applyDue() {
        while (mobileHold.applyDue() == VerificationMobileHold.APPLY_BATCH) {
            // a full batch: there may be more due
        }
    }
}
