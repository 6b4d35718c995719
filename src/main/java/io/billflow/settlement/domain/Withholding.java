package io.billflow.settlement.domain;

/**
 * What is withheld from a settlement before payout (원천징수) and what is paid.
 * <p>
 * For an {@link PayeeType#INDIVIDUAL individual}: 소득세 3% of the gross (소득세법 §129①3, 사업소득), and 지방소득세
 * 10% of that income tax (지방세법 §103-13: the 특별징수 base is the income tax withheld, so we take it from the
 * withheld, truncated amount). Each is truncated below 10 won (국고금관리법 §47: 10원 미만 절사). Truncating
 * first or not makes no difference for the local tax: ⌊⌊x/10⌋/10⌋ = ⌊x/100⌋, which a test proves over random
 * amounts. Businesses: nothing withheld (they get VAT through the tax invoice instead).
 * <p>
 * NOT applied: 소액부징수 (소득세법 §86, no withholding when the income tax is under 1,000 won). Research marks it
 * UNCONFIRMED with exceptions; it needs a tax adviser's sign-off before it changes what partners receive.
 *
 * @param gross          the settlement amount owed, won (≥ 0)
 * @param incomeTax      소득세 withheld
 * @param localIncomeTax 지방소득세 withheld
 * @param payout         what the partner receives; {@code payout + incomeTax + localIncomeTax == gross}
 */
public record Withholding(long gross, long incomeTax, long localIncomeTax, long payout) {

    /** Percent of the gross withheld as income tax from an individual's 사업소득. */
    public static final long INCOME_TAX_PERCENT = 3;
    /** Percent of the income tax added as local income tax. */
    public static final long LOCAL_TAX_PERCENT_OF_INCOME_TAX = 10;

    public Withholding {
        if (gross < 0 || incomeTax < 0 || localIncomeTax < 0 || payout < 0) {
            throw new IllegalArgumentException("withholding amounts are never negative: " + gross + ", " + incomeTax
                    + ", " + localIncomeTax + ", " + payout);
        }
        if (Math.addExact(Math.addExact(payout, incomeTax), localIncomeTax) != gross) {
            throw new IllegalArgumentException("payout + income tax + local income tax must equal the gross " + gross);
        }
    }

    public static Withholding of(PayeeType payee, long gross) {
        return switch (payee) {
            case BUSINESS -> none(gross);
            case INDIVIDUAL -> forIndividual(gross);
        };
    }

    /** Businesses: the whole gross is paid out. */
    public static Withholding none(long gross) {
        return new Withholding(gross, 0, 0, gross);
    }

    /** 3% income tax + 10% of it as local income tax, each truncated below 10 won. */
    public static Withholding forIndividual(long gross) {
        if (gross < 0) {
            throw new IllegalArgumentException("a gross settlement amount is never negative, was " + gross);
        }
        long incomeTax = truncateToTenWon(Math.multiplyExact(gross, INCOME_TAX_PERCENT) / 100);
        long localIncomeTax = truncateToTenWon(incomeTax * LOCAL_TAX_PERCENT_OF_INCOME_TAX / 100);
        return new Withholding(gross, incomeTax, localIncomeTax, gross - incomeTax - localIncomeTax);
    }

    /** 10원 미만 절사. Integer division already dropped any fraction of a won, which is the same truncation. */
    static long truncateToTenWon(long won) {
        return won / 10 * 10;
    }

    public long totalWithheld() {
        return incomeTax + localIncomeTax;
    }
}
