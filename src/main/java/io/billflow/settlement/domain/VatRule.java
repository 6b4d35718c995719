package io.billflow.settlement.domain;

/**
 * How the VAT of a report line follows from its supply amount. The rule a report was checked with is stored
 * with it (docs/reference/settlement.md §6: the rounding is a policy, keep the chosen one).
 */
public enum VatRule {

    /**
     * A business partner (과세 사업자): 10% of the supply amount, truncated below 1 won — the common
     * practice, and the rule the invoice module applies to every line of the tax invoice the report becomes.
     * Truncation is toward zero, so a negative adjustment mirrors the positive line it corrects.
     */
    TEN_PERCENT_TRUNCATED,

    /** An individual (원천징수 대상자): no VAT and no tax invoice; the payout withholds income tax instead. */
    NONE;

    public long vatOf(long supplyAmount) {
        return this == TEN_PERCENT_TRUNCATED ? supplyAmount / 10 : 0;
    }

    public static VatRule forPartner(boolean individual) {
        return individual ? NONE : TEN_PERCENT_TRUNCATED;
    }
}
