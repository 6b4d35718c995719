package io.billflow.settlement.api;

import java.util.List;

/**
 * Where a partner's settlement of one month stands, as the portal's progress bar (정산 진행현황) numbers it. A
 * business partner's bar has four steps (the reverse invoice is requested, then signed); an individual's three (no
 * invoice: 발행 → 지급 처리중 → 지급 완료). On hold sits at the payout step; cancelled is off the bar (step 0).
 */
public enum SettlementStage {
    PUBLISHED("발행", 0, 1),
    REVERSE_ISSUE_REQUESTED("세금계산서 역발행요청", 1, 0),
    SIGNATURE_REQUESTED("세금계산서 서명요청", 2, 0),
    PAYOUT_PROCESSING("지급 처리중", 3, 2),
    PAID("지급 완료", 4, 3),
    ON_HOLD("지급 보류", 3, 2),
    CANCELLED("정산 취소", 0, 0);

    /** The steps of a business partner's bar, in order. */
    public static final List<SettlementStage> BUSINESS_BAR = List.of(REVERSE_ISSUE_REQUESTED, SIGNATURE_REQUESTED,
            PAYOUT_PROCESSING, PAID);
    /** The steps of an individual's bar, in order. */
    public static final List<SettlementStage> INDIVIDUAL_BAR = List.of(PUBLISHED, PAYOUT_PROCESSING, PAID);

    private final String label;
    private final int businessStep;
    private final int individualStep;

    SettlementStage(String label, int businessStep, int individualStep) {
        this.label = label;
        this.businessStep = businessStep;
        this.individualStep = individualStep;
    }

    public String label() {
        return label;
    }

    /** 1–4 on a business partner's bar; 0 when cancelled (or for a stage that bar does not have). */
    public int businessStep() {
        return businessStep;
    }

    /** 1–3 on an individual's bar; 0 when cancelled (or for a stage that bar does not have). */
    public int individualStep() {
        return individualStep;
    }
}
