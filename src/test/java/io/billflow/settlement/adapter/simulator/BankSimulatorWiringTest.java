package io.billflow.settlement.adapter.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;

import io.billflow.BillflowSpringTest;
import io.billflow.settlement.application.PayoutSchedule;
import io.billflow.settlement.application.PayoutScheduleProperties;
import io.billflow.settlement.bank.BankPort;
import io.billflow.settlement.bank.BankResponseCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The application wires the SIMULATOR behind the port and binds its and the payout settings from the YAML files. */
@BillflowSpringTest
class BankSimulatorWiringTest {

    @Autowired
    BankPort bankPort;

    @Autowired
    BankSimulatorProperties simulatorProperties;

    @Autowired
    PayoutSchedule payoutSchedule;

    @Autowired
    PayoutScheduleProperties payoutProperties;

    @Test
    void theBankPortIsTheSimulatorConfiguredFromTheYamlFiles() {
        assertThat(bankPort).isInstanceOf(BankSimulator.class);
        // application-test.yml
        assertThat(simulatorProperties.minLatency()).isEqualTo(Duration.ZERO);
        assertThat(simulatorProperties.maxLatency()).isEqualTo(Duration.ofMillis(2));
        assertThat(simulatorProperties.maintenance().enabled()).isFalse();
        // application.yml
        assertThat(simulatorProperties.maintenance().start()).isEqualTo(LocalTime.of(23, 30));
        assertThat(simulatorProperties.maintenance().end()).isEqualTo(LocalTime.of(0, 30));
        assertThat(simulatorProperties.transientFailureRate()).isZero();
        assertThat(simulatorProperties.accounts()).hasSize(6)
                .anySatisfy(a -> assertThat(a.state()).isEqualTo(SimulatedAccountState.ACTIVE))
                .anySatisfy(a -> assertThat(a.state()).isEqualTo(SimulatedAccountState.TRANSACTIONS_SUSPENDED));
    }

    @Test
    void theDemoAccountsAnswerThroughThePort() {
        assertThat(bankPort.lookupHolder("090", "3333-01-1234567").holderMatches("(주)한빛콘텐츠")).isTrue();
        assertThat(bankPort.lookupHolder("020", "1002-345-678901").code()).isEqualTo(BankResponseCode.CLOSED_ACCOUNT);
        assertThat(bankPort.lookupHolder("004", "9999-00-0000000").code()).isEqualTo(BankResponseCode.NO_SUCH_ACCOUNT);
    }

    @Test
    void thePayoutScheduleUsesTheConfiguredDayAndTheApplicationsHolidayCalendar() {
        assertThat(payoutProperties.dayOfMonth()).isEqualTo(15);
        assertThat(payoutProperties.monthsAfter()).isEqualTo(1);
        // 2026-08-15 Sat 광복절, 16 Sun, 17 Mon 대체공휴일 (from the business_holiday table)
        assertThat(payoutSchedule.payoutDate(YearMonth.of(2026, 7))).isEqualTo(LocalDate.of(2026, 8, 18));
    }
}
