package io.billflow.settlement.application.port;

import java.time.LocalDate;
import java.util.Optional;

/** What the settlement forms in Tasklist show beside the report: the partner's name and the planned payout. */
public interface TaskFormFacts {

    /** The name the settlement knows the partner by (its copy, settlement_partner). */
    String partnerName(long partnerId);

    Optional<PlannedPayout> payout(long reportId);

    /** @param maskedAccount null until the payout's account was read (before the holder check) */
    record PlannedPayout(long amount, LocalDate scheduledDate, String maskedAccount) {
    }
}
