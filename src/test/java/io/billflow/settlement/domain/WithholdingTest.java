package io.billflow.settlement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WithholdingTest {

    /** Expected values worked out by hand: 3% truncated to 10 won, then 10% of that truncated to 10 won. */
    @ParameterizedTest(name = "{0} → income {1} + local {2} → payout {3}")
    @CsvSource({
            "1000000, 30000, 3000, 967000",
            "33333, 990, 90, 32253",           // 999.99 → 990; 99 → 90
            "1234567, 37030, 3700, 1193837",   // 37,037.01 → 37,030; 3,703 → 3,700
            "334, 10, 0, 324",                 // 10.02 → 10; 1 → 0
            "333, 0, 0, 333",                  // 9.99 → 0: nothing withheld
            "0, 0, 0, 0",
            "999999999999, 29999999990, 2999999990, 967000000019"})
    void individualsHaveThreePercentAndTenPercentOfItWithheldEachTruncatedToTenWon(long gross, long incomeTax,
                                                                                    long localIncomeTax, long payout) {
        assertThat(Withholding.forIndividual(gross)).isEqualTo(new Withholding(gross, incomeTax, localIncomeTax, payout));
        assertThat(Withholding.of(PayeeType.INDIVIDUAL, gross).payout()).isEqualTo(payout);
    }

    @Test
    void businessesHaveNothingWithheld() {
        Withholding withholding = Withholding.of(PayeeType.BUSINESS, 10_912_000);
        assertThat(withholding).isEqualTo(new Withholding(10_912_000, 0, 0, 10_912_000));
        assertThat(withholding.totalWithheld()).isZero();
    }

    @Test
    void invariantsHoldOverRandomAmountsAgainstADecimalComputation() {
        Random random = new Random(20260715L);
        for (int i = 0; i < 200_000; i++) {
            long gross = grossOfRandomSize(random);
            Withholding w = Withholding.forIndividual(gross);

            assertThat(w.payout() + w.incomeTax() + w.localIncomeTax()).as("gross %d", gross).isEqualTo(gross);
            assertThat(w.incomeTax() % 10).as("gross %d", gross).isZero();
            assertThat(w.localIncomeTax() % 10).as("gross %d", gross).isZero();
            assertThat(w.payout()).as("gross %d", gross).isNotNegative();
            // independent oracle: exact decimal rates, then 10원 미만 절사
            long incomeTax = tenWonFloor(BigDecimal.valueOf(gross).multiply(new BigDecimal("0.03")));
            assertThat(w.incomeTax()).as("gross %d", gross).isEqualTo(incomeTax);
            assertThat(w.localIncomeTax()).as("gross %d", gross)
                    .isEqualTo(tenWonFloor(BigDecimal.valueOf(incomeTax).multiply(new BigDecimal("0.1"))))
                    // the other reading of the rule (0.3% of the gross, truncated) gives the same amount
                    .isEqualTo(tenWonFloor(BigDecimal.valueOf(gross).multiply(new BigDecimal("0.003"))));
            // never more than the nominal 3.3%, and less by under 20 won (two truncations of under 10 won)
            BigDecimal nominal = BigDecimal.valueOf(gross).multiply(new BigDecimal("0.033"));
            BigDecimal shortfall = nominal.subtract(BigDecimal.valueOf(w.totalWithheld()));
            assertThat(shortfall).as("gross %d", gross).isBetween(BigDecimal.ZERO, new BigDecimal("19.999"));
        }
    }

    @Test
    void negativeGrossIsRefused() {
        assertThatThrownBy(() -> Withholding.forIndividual(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Withholding.none(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWithholdingThatDoesNotAddUpCannotExist() {
        assertThatThrownBy(() -> new Withholding(1_000_000, 30_000, 3_000, 970_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must equal the gross");
    }

    private static long tenWonFloor(BigDecimal won) {
        return won.setScale(-1, RoundingMode.DOWN).longValueExact();
    }

    /** Mostly everyday amounts, with small ones (where truncation dominates) and huge ones mixed in. */
    private static long grossOfRandomSize(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(10_000);
            case 1 -> random.nextInt(100_000_000);
            case 2 -> random.nextLong(1, 1_000_000_000_000L);
            default -> 10_000L * random.nextInt(1_000_000);
        };
    }
}
