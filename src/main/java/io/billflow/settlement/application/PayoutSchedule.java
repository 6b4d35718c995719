package io.billflow.settlement.application;

import java.time.LocalDate;
import java.time.YearMonth;

import io.billflow.calendar.api.BusinessCalendar;
import org.springframework.stereotype.Service;

/**
 * 지급예정일: the configured day of the month {@code months-after} the settlement month, and when that is a
 * weekend or holiday, the next business day (the seed: "지급예정일 … 15일, 휴일인 경우 다음 영업일에 지급"; PortOne
 * uses the same next-business-day convention). A day past the month's end (31 in a 30-day month, 29–31 in
 * February) becomes its last day, so that no month is skipped or pushed into the one after.
 */
@Service
public class PayoutSchedule {

    private final BusinessCalendar calendar;
    private final int dayOfMonth;
    private final int monthsAfter;

    public PayoutSchedule(BusinessCalendar calendar, PayoutScheduleProperties properties) {
        this.calendar = calendar;
        this.dayOfMonth = properties.dayOfMonth();
        this.monthsAfter = properties.monthsAfter();
    }

    /** The business day a settlement month is paid out on. */
    public LocalDate payoutDate(YearMonth settlementMonth) {
        return calendar.onOrAfter(nominalPayoutDate(settlementMonth));
    }

    /** The payout day before moving off weekends and holidays (what a contract states). */
    public LocalDate nominalPayoutDate(YearMonth settlementMonth) {
        YearMonth payoutMonth = settlementMonth.plusMonths(monthsAfter);
        return payoutMonth.atDay(Math.min(dayOfMonth, payoutMonth.lengthOfMonth()));
    }
}
