package io.billflow.invoice.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class InvoicePdfFormatTest {

    @Test
    void wonHasThousandsSeparatorsAndAMinusSign() {
        assertThat(InvoiceFormat.won(1_650_000)).isEqualTo("1,650,000");
        assertThat(InvoiceFormat.won(-1_650_000)).isEqualTo("-1,650,000");
        assertThat(InvoiceFormat.won(0)).isEqualTo("0");
        assertThat(InvoiceFormat.won((Long) null)).isEmpty();
    }

    @Test
    void wonIgnoresTheServersLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(InvoiceFormat.won(1_650_000)).isEqualTo("1,650,000");
            assertThat(InvoiceFormat.quantity(new BigDecimal("1234.5"))).isEqualTo("1,234.5");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void quantitiesShowUpToTwoDecimals() {
        assertThat(InvoiceFormat.quantity(new BigDecimal("1000"))).isEqualTo("1,000");
        assertThat(InvoiceFormat.quantity(new BigDecimal("2.50"))).isEqualTo("2.5");
        assertThat(InvoiceFormat.quantity(new BigDecimal("0.25"))).isEqualTo("0.25");
        assertThat(InvoiceFormat.quantity(null)).isEmpty();
    }

    @Test
    void businessNumbersAreGrouped() {
        assertThat(InvoiceFormat.businessNumber("1248100998")).isEqualTo("124-81-00998");
        assertThat(InvoiceFormat.businessNumber("8001011234567")).isEqualTo("800101-1******");
        assertThat(InvoiceFormat.businessNumber(null)).isEmpty();
    }

    @Test
    void amendmentReasonsByCode() {
        assertThat(InvoiceFormat.modifyReason(null)).isEmpty();
        assertThat(InvoiceFormat.modifyReason(1)).isEqualTo("기재사항 착오정정");
        assertThat(InvoiceFormat.modifyReason(3)).isEqualTo("환입");
        assertThat(InvoiceFormat.modifyReason(6)).isEqualTo("착오에 의한 이중발급");
    }
}
