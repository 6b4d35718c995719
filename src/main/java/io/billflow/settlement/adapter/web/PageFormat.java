package io.billflow.settlement.adapter.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the settlement pages write won, dates and months (Korean, business time zone); {@code fmt} in templates. */
public final class PageFormat {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    PageFormat(ZoneId zone) {
        this.zone = zone;
    }

    /** 10912000 → "10,912,000원"; null → "". */
    public String won(Long amount) {
        return amount == null ? "" : NumberFormat.getIntegerInstance(Locale.KOREA).format(amount) + "원";
    }

    public String number(Long value) {
        return value == null ? "" : NumberFormat.getIntegerInstance(Locale.KOREA).format(value);
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }

    /** "2026-10" → "2026년 10월". */
    public String month(String month) {
        if (month == null) {
            return "";
        }
        YearMonth m = YearMonth.parse(month);
        return m.getYear() + "년 " + m.getMonthValue() + "월";
    }
}
