package io.billflow.calendar.api;

import java.time.LocalDate;

/** Korean business days: Monday to Friday except public holidays (공휴일, 대체공휴일, 임시공휴일). */
public interface BusinessCalendar {

    boolean isBusinessDay(LocalDate date);

    /** {@code date} itself when it is a business day, otherwise the next one. */
    LocalDate onOrAfter(LocalDate date);

    /**
     * 발급기한: the 10th of the month after the write date, moved to the next business day when that
     * is a weekend or holiday (부가가치세법 시행령 제70조, 국세기본법 제5조).
     */
    default LocalDate issuanceDeadline(LocalDate writeDate) {
        return onOrAfter(writeDate.plusMonths(1).withDayOfMonth(10));
    }
}
