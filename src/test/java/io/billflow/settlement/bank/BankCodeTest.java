package io.billflow.settlement.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class BankCodeTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"004, KB국민은행", "088, 신한은행", "020, 우리은행", "081, 하나은행", "011, NH농협은행",
            "003, IBK기업은행", "090, 카카오뱅크", "092, 토스뱅크", "089, 케이뱅크", "071, 우체국"})
    void knownKftcCodesHaveTheirKoreanNames(String code, String koreanName) {
        BankCode bank = BankCode.of(code);
        assertThat(bank.code()).isEqualTo(code);
        assertThat(bank.koreanName()).isEqualTo(koreanName);
    }

    @Test
    void surroundingSpacesAreIgnored() {
        assertThat(BankCode.of(" 090 ")).isEqualTo(BankCode.KAKAOBANK);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "999", "4", "04", "0004", "KB", "０９０"})
    void anythingElseIsAValidationErrorNamingTheField(String code) {
        assertThatThrownBy(() -> BankCode.of(code))
                .isInstanceOf(UnknownBankCodeException.class)
                .isInstanceOf(InvalidBankRequestException.class)
                .satisfies(e -> assertThat(((InvalidBankRequestException) e).field()).isEqualTo("bankCode"));
    }

    @Test
    void everyCodeIsThreeDigitsAndUnique() {
        assertThat(Arrays.stream(BankCode.values()).map(BankCode::code)).allMatch(c -> c.matches("\\d{3}"))
                .doesNotHaveDuplicates();
    }
}
