package io.billflow.settlement.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected dates are read off the holiday list (shared/data/kr-holidays-2025-2027.txt) by hand, not computed. */
class PayoutScheduleTest {

    static final ShippedHolidayCalendar CALENDAR = new ShippedHolidayCalendar();

    static PayoutSchedule schedule(int dayOfMonth, int monthsAfter) {
        return new PayoutSchedule(CALENDAR, new PayoutScheduleProperties(dayOfMonth, monthsAfter));
    }

    @ParameterizedTest(name = "settlement {0}, day {1}, +{2} month(s) → {3} ({4})")
    @CsvSource(delimiter = '|', textBlock = """
            2026-04 | 15 | 1 | 2026-05-15 | Fri, an ordinary business day
            2026-07 | 15 | 1 | 2026-08-18 | 08-15 Sat 광복절, 16 Sun, 17 Mon 대체공휴일
            2026-10 | 15 | 1 | 2026-11-16 | 11-15 Sun
            2027-01 | 15 | 1 | 2027-02-15 | Mon, after Seollal
            2027-01 |  8 | 1 | 2027-02-10 | 02-08 Mon 설날 다음 날, 09 Tue 대체공휴일(설날)
            2027-01 |  6 | 1 | 2027-02-10 | 02-06..08 Seollal over a weekend, 09 대체공휴일
            2026-08 | 24 | 1 | 2026-09-28 | 09-24..26 Chuseok (Thu–Sat), 27 Sun
            2025-09 |  3 | 1 | 2025-10-10 | 10-03 개천절, weekend, 05..07 Chuseok, 08 대체, 09 한글날
            2026-12 |  1 | 1 | 2027-01-04 | 2027-01-01 Fri 신정, weekend
            2027-11 | 25 | 1 | 2027-12-28 | 12-25 Sat 성탄절, 26 Sun, 27 Mon 대체공휴일
            2026-04 |  1 | 1 | 2026-05-04 | 05-01 Fri 노동절, weekend
            2026-01 | 31 | 1 | 2026-03-03 | clamped to 02-28 Sat, 03-01 Sun 3ㆍ1절, 02 Mon 대체공휴일
            2026-03 | 31 | 1 | 2026-04-30 | clamped to 04-30 Thu
            2026-06 |  3 | 0 | 2026-06-04 | same month: 06-03 Wed 지방선거
            2025-08 | 15 | 2 | 2025-10-15 | two months after, Wed
            """)
    void paysOnTheConfiguredDayOrTheNextBusinessDay(String settlementMonth, int dayOfMonth, int monthsAfter,
                                                     LocalDate expected, String why) {
        assertThat(schedule(dayOfMonth, monthsAfter).payoutDate(YearMonth.parse(settlementMonth))).isEqualTo(expected);
    }

    @Test
    void theDefaultsAreTheFifteenthOfTheFollowingMonth() {
        PayoutScheduleProperties defaults = new PayoutScheduleProperties(15, 1);
        assertThat(new PayoutSchedule(CALENDAR, defaults).nominalPayoutDate(YearMonth.of(2026, 7)))
                .isEqualTo(LocalDate.of(2026, 8, 15));
    }

    @Test
    void aDayPastTheEndOfFebruaryIsItsLastDayInLeapAndCommonYears() {
        assertThat(schedule(30, 1).nominalPayoutDate(YearMonth.of(2028, 1))).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(schedule(29, 1).nominalPayoutDate(YearMonth.of(2026, 1))).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(schedule(31, 1).nominalPayoutDate(YearMonth.of(2026, 10))).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    /** Every settlement month the shipped years allow, every day, 0–2 months after: the rule's invariants. */
    @Test
    void everyPayoutDateIsTheFirstBusinessDayOnOrAfterTheNominalDayInThePayoutMonthOrJustAfter() {
        int checked = 0;
        for (int monthsAfter = 0; monthsAfter <= 2; monthsAfter++) {
            for (int day = 1; day <= 31; day++) {
                PayoutSchedule schedule = schedule(day, monthsAfter);
                for (YearMonth month = YearMonth.of(2025, 1); !month.isAfter(YearMonth.of(2027, 10)); month = month.plusMonths(1)) {
                    LocalDate nominal = schedule.nominalPayoutDate(month);
                    LocalDate payout = schedule.payoutDate(month);

                    assertThat(YearMonth.from(nominal)).isEqualTo(month.plusMonths(monthsAfter));
                    assertThat(nominal.getDayOfMonth()).isEqualTo(Math.min(day, nominal.lengthOfMonth()));
                    assertThat(CALENDAR.isBusinessDay(payout)).as("%s day %d", month, day).isTrue();
                    assertThat(payout).isAfterOrEqualTo(nominal);
                    for (LocalDate d = nominal; d.isBefore(payout); d = d.plusDays(1)) {
                        assertThat(CALENDAR.isBusinessDay(d)).as("skipped business day %s", d).isFalse();
                    }
                    // the longest run of non-business days in 2025–2027 is 7 (개천절 to 한글날 2025)
                    assertThat(payout).isBeforeOrEqualTo(nominal.plusDays(7));
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(3 * 31 * 34);
    }

    @Test
    void aYearWithoutShippedHolidaysIsAnErrorNotAGuess() {
        assertThatThrownBy(() -> schedule(15, 1).payoutDate(YearMonth.of(2027, 12)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2028");
    }

    @Test
    void impossibleSettingsAreRefused() {
        assertThatThrownBy(() -> new PayoutScheduleProperties(0, 1)).hasMessageContaining("day-of-month");
        assertThatThrownBy(() -> new PayoutScheduleProperties(32, 1)).hasMessageContaining("day-of-month");
        assertThatThrownBy(() -> new PayoutScheduleProperties(15, -1)).hasMessageContaining("months-after");
    }
}
