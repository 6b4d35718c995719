package io.billflow.settlement.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a monthly settlement report stands. Import writes DRAFT; {@code settlementProcess} moves it through
 * review and publication to the partner-facing stages of 정산 진행현황: PUBLISHED (01 세금계산서 역발행요청),
 * SIGNATURE_REQUESTED (02 서명요청), PAYOUT_PROCESSING (03 지급 처리중), PAID (04 지급 완료).
 */
public enum ReportStatus {
    /** Imported, not yet looked at. */
    DRAFT,
    /** A settlement manager is reviewing it. */
    IN_REVIEW,
    /** A settlement manager sent it back with a comment; a new import goes to review again. */
    RETURNED,
    /** Shown to the partner: from here on its lines are what the partner was told and never change. */
    PUBLISHED,
    /** The partner confirmed; the reverse invoice waits for its signature. */
    SIGNATURE_REQUESTED,
    /** The invoice is signed; the payout is scheduled or under way. */
    PAYOUT_PROCESSING,
    /** Paid out. */
    PAID,
    /** Operations stopped it (a payout failure, an account to fix). */
    ON_HOLD,
    /** Ended without payout (the invoice was rejected or the request cancelled). */
    CANCELLED;

    /**
     * The states in which a new import may replace the lines. A whitelist on purpose: every state added
     * later is past publication and therefore frozen unless someone decides otherwise here.
     */
    private static final Set<ReportStatus> REPLACEABLE = EnumSet.of(DRAFT, IN_REVIEW, RETURNED);

    public boolean replaceable() {
        return REPLACEABLE.contains(this);
    }
}
