package io.billflow.settlement.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a monthly settlement report stands. Import writes DRAFT; the settlement process (issue #7, still to
 * come) moves it through review to PUBLISHED and beyond, adding the later states (reverse issuance
 * requested, signed, payout scheduled, paid) here and to the column's check constraint.
 */
public enum ReportStatus {
    /** Imported, not yet looked at. */
    DRAFT,
    /** A settlement manager is reviewing it. */
    IN_REVIEW,
    /** Shown to the partner: from here on its lines are what the partner was told and never change. */
    PUBLISHED;

    /**
     * The states in which a new import may replace the lines. A whitelist on purpose: every state added
     * later is past publication and therefore frozen unless someone decides otherwise here.
     */
    private static final Set<ReportStatus> REPLACEABLE = EnumSet.of(DRAFT, IN_REVIEW);

    public boolean replaceable() {
        return REPLACEABLE.contains(this);
    }
}
