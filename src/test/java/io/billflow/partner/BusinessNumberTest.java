package io.billflow.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;

import io.billflow.partner.api.BusinessNumber;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BusinessNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"1248100998", "2208162517", "1208147521", "6798700433", "124-81-00998"})
    void knownNumbersAreValid(String number) {
        assertThat(BusinessNumber.isValid(number)).isTrue();
        assertThat(BusinessNumber.parse(number).value()).isEqualTo(number.replace("-", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1208147520", "1234567890", "124810099", "12481009981", "12-481-00998", "abcdefghij", ""})
    void invalidNumbersAreRefused(String number) {
        assertThat(BusinessNumber.isValid(number)).isFalse();
        assertThatThrownBy(() -> BusinessNumber.parse(number)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsAsPrinted() {
        assertThat(BusinessNumber.parse("2208162517").formatted()).isEqualTo("220-81-62517");
    }

    /** Property over 20,000 random prefixes: exactly one of the ten final digits is valid. */
    @Test
    void everyNineDigitPrefixHasExactlyOneCheckDigit() {
        Random random = new Random(20261121L);
        for (int i = 0; i < 20_000; i++) {
            String prefix = String.format("%09d", random.nextInt(1_000_000_000));
            int valid = 0;
            for (int last = 0; last <= 9; last++) {
                if (BusinessNumber.isValid(prefix + last)) {
                    valid++;
                    assertThat(last).isEqualTo(BusinessNumber.checkDigit(prefix));
                }
            }
            boolean possible = !prefix.startsWith("000") && !prefix.startsWith("00", 3) && !prefix.startsWith("0000", 5);
            assertThat(valid).as("prefix %s", prefix).isEqualTo(possible ? 1 : 0);
        }
    }

    /** All zeros passes the check digit (every weighted sum is 0) but no tax office ever issues it. */
    @Test
    void numbersWithAnAllZeroPartAreRefusedThoughTheirCheckDigitFits() {
        for (String impossible : List.of("000-00-00000", "0008162515", "220-00-62518", "220-81-00001")) {
            String digits = impossible.replace("-", "");
            assertThat(BusinessNumber.checkDigit(digits.substring(0, 9))).as(impossible).isEqualTo(digits.charAt(9) - '0');
            assertThat(BusinessNumber.isValid(impossible)).as(impossible).isFalse();
            assertThatThrownBy(() -> BusinessNumber.parse(impossible)).hasMessageContaining("not an issued number");
        }
    }

    /** Property: changing any single digit of a valid number makes it invalid (weights never 0 mod 10). */
    @Test
    void aSingleWrongDigitIsAlwaysCaught() {
        Random random = new Random(7L);
        for (int i = 0; i < 2_000; i++) {
            String prefix = String.format("%09d", random.nextInt(1_000_000_000));
            String valid = prefix + BusinessNumber.checkDigit(prefix);
            int position = random.nextInt(10);
            int replacement = (valid.charAt(position) - '0' + 1 + random.nextInt(9)) % 10;
            String typo = valid.substring(0, position) + replacement + valid.substring(position + 1);
            // weights 1, 3, 7 are coprime to 10, and digit 9's digit sum of 5·d is a permutation of 0–9
            assertThat(BusinessNumber.isValid(typo)).as("%s → %s", valid, typo).isFalse();
        }
    }
}
