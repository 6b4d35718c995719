package io.billflow.partner.adapter.schedule;

import io.billflow.partner.application.ContactChangeHold;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Puts held contact changes in force once their hold has passed (a minute late at most). */
@Component
class ContactChangeSchedule {

    private final ContactChangeHold contactChanges;

    ContactChangeSchedule(ContactChangeHold contactChanges) {
        this.contactChanges = contactChanges;
    }

    @Scheduled(fixedDelayString = "${billflow.partner.contact-change-poll-interval:PT1M}", initialDelayString = "PT1M")
    void applyDue() {
        while (contactChanges.applyDue() == ContactChangeHold.APPLY_BATCH) {
            // a full batch: there may be more due
        }
    }
}
