package io.billflow.settlement.bank;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BankHolderNameTest {

    @ParameterizedTest(name = "''{0}'' = ''{1}''")
    @CsvSource({
            "주식회사 카카오, (주)카카오",
            "주식회사카카오, ㈜카카오",
            "(주) 카카오, 주식회사 카카오",
            "（주）카카오, (주)카카오",          // full-width parentheses
            "홍 길 동, 홍길동",
            "유한회사 다온, (유)다온",
            "Daon Media, DAONMEDIA",
            "'  홍길동  ', 홍길동"})
    void theSameHolderWrittenDifferentlyMatches(String a, String b) {
        assertThat(HolderName.sameHolder(a, b)).isTrue();
        assertThat(HolderName.sameHolder(b, a)).isTrue();
    }

    @ParameterizedTest(name = "''{0}'' ≠ ''{1}''")
    @CsvSource({
            "주식회사 카카오, 카카오",             // the company form is part of the registered name
            "(주)카카오, 카카오(주)",              // and so is its position
            "주식회사 카카오, 유한회사 카카오",
            "홍길동, 홍길순",
            "'', ''",                            // blank never matches, not even blank
            "' ', ' '"})
    void differentHoldersDoNotMatch(String a, String b) {
        assertThat(HolderName.sameHolder(a, b)).isFalse();
    }
}
