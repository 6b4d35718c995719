package io.billflow.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billflow.settlement.api.PayoutAccounts.PayoutAccountForPayout;
import io.billflow.settlement.application.PayoutAccountInput;
import io.billflow.settlement.domain.AccountNumber;
import io.billflow.settlement.domain.Masking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How payout data is masked, and that the types holding it do not print it. Plain JUnit. */
class SettlementMaskingTest {

    @ParameterizedTest
    @CsvSource({
            "110-123-456789, 110-***-***789",
            "3333011212345, 333*******345",
            "1234567890, 123****890",
            "1234-5678-9012-3456, 123*-****-****-*456",
            "004-12-3456-789, 004-**-****-789"})
    void accountNumbersKeepTheirLayoutAndShowThreeDigitsEachEnd(String number, String masked) {
        assertThat(Masking.accountNumber(number)).isEqualTo(masked);
        assertThat(AccountNumber.of(number).masked()).isEqualTo(masked);
    }

    @Test
    void atLeastFourDigitsAreAlwaysHidden() {
        for (int digits = AccountNumber.MIN_DIGITS; digits <= AccountNumber.MAX_DIGITS; digits++) {
            String masked = Masking.accountNumber("9".repeat(digits));
            assertThat(masked.chars().filter(c -> c == '*').count()).as("%d digits", digits).isGreaterThanOrEqualTo(4);
            assertThat(masked).hasSize(digits);
        }
    }

    @ParameterizedTest
    @CsvSource({"홍길동, 홍*동", "홍길, 홍*", "홍, *", "남궁민수, 남**수", "주식회사 카카오, 주*** **오", "'  홍길동 ', 홍*동",
            "Kim Minsu, K** ****u"})
    void holderNamesShowTheirFirstAndLastCharacter(String name, String masked) {
        assertThat(Masking.holderName(name)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({"010-1234-5678, 010-****-5678", "01012345678, 010****5678", "011-123-4567, 011-***-4567"})
    void mobilesShowThePrefixAndTheLastFourDigits(String mobile, String masked) {
        assertThat(Masking.mobile(mobile)).isEqualTo(masked);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "12345678", "12345678901234567", "110--123-456789", "-1101234567890", "110-123-45678a",
            "110 123 456789", "１１０１２３４５６７８９"})
    void accountNumbersAreDigitsAndSingleHyphensWithTenToSixteenDigits(String wrong) {
        assertThat(AccountNumber.problemWith(wrong)).isNotNull();
        assertThatThrownBy(() -> AccountNumber.of(wrong)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typesHoldingAFullNumberPrintItMasked() {
        AccountNumber number = AccountNumber.of("110-123-456789");
        assertThat(number.toString()).isEqualTo("110-***-***789");
        assertThat(number.digits()).isEqualTo("110123456789");
        assertThat(new PayoutAccountInput("088", "110-123-456789", "홍길동").toString()).doesNotContain("123-456789", "456789");
        PayoutAccountForPayout forPayout = new PayoutAccountForPayout(7, "088", "110-123-456789", "홍길동", "110-***-***789");
        assertThat(forPayout.toString()).doesNotContain("456789").contains("110-***-***789");
        assertThat(forPayout.accountDigits()).isEqualTo("110123456789");
    }
}
