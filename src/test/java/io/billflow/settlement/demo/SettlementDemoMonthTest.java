package io.billflow.settlement.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

/** The demo settles a month whose deadline (the 10th of the next month at the latest) is still days ahead. */
class SettlementDemoMonthTest {

    @Test
    void lastMonthEarlyInAMonthElseTheMonthInProgress() {
        assertThat(SettlementDemoData.demoMonth(LocalDate.of(2026, 12, 1))).isEqualTo(YearMonth.of(2026, 11));
        assertThat(SettlementDemoData.demoMonth(LocalDate.of(2026, 1, 5))).isEqualTo(YearMonth.of(2025, 12));
        assertThat(SettlementDemoData.demoMonth(LocalDate.of(2026, 1, 6))).isEqualTo(YearMonth.of(2026, 1));
        assertThat(SettlementDemoData.demoMonth(LocalDate.of(2026, 11, 22))).isEqualTo(YearMonth.of(2026, 11));
    }
}
