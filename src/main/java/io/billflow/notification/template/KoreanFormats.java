package io.billflow.notification.template;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Formatting for message templates, available in every notification template as {@code #fmt}
 * (e.g. {@code ${#fmt.won(totalAmount)}}). Callers pass raw values (long won, {@link LocalDate},
 * {@link Instant}, {@link YearMonth}) so that every message formats them the same way, the way
 * Korean invoices and bank notices write them. Instants are shown in business time (Asia/Seoul),
 * whatever the host's time zone.
 */
public final class KoreanFormats {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy년 M월 d일");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy년 M월 d일 HH:mm");
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("M월 d일");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy년 M월");

    /** {@code 1320000} → {@code 1,320,000원}; negative amounts (수정세금계산서) keep their sign. */
    public String won(Object amount) {
        if (!(amount instanceof Number number) || amount instanceof Double || amount instanceof Float) {
            throw new IllegalArgumentException("amount must be whole won (long), not " + describe(amount));
        }
        return String.format(Locale.ROOT, "%,d원", number.longValue());
    }

    /** {@code 2026년 10월 31일}. */
    public String date(Object value) {
        return DATE.format(toSeoulDate(value));
    }

    /** {@code 11월 10일}: short form for SMS, where every byte counts. */
    public String monthDay(Object value) {
        return MONTH_DAY.format(toSeoulDate(value));
    }

    /** {@code 2026년 10월 31일 14:05} (Asia/Seoul). */
    public String dateTime(Object value) {
        if (value instanceof LocalDateTime local) {
            return DATE_TIME.format(local);
        }
        return DATE_TIME.format(toSeoul(value));
    }

    /** {@code 2026년 10월} for a {@link YearMonth} (or any date within the month). */
    public String month(Object value) {
        if (value instanceof YearMonth yearMonth) {
            return MONTH.format(yearMonth);
        }
        return MONTH.format(toSeoulDate(value));
    }

    /** Business registration number {@code 1234567890} → {@code 123-45-67890}; other text is left as given. */
    public String corpNum(Object value) {
        String digits = String.valueOf(value).replace("-", "");
        if (!digits.matches("\\d{10}")) {
            return String.valueOf(value);
        }
        return digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5);
    }

    /** NTS approval number (24 digits) → {@code 20261101-41000000-12345678}, as printed on the invoice. */
    public String approvalNumber(Object value) {
        String digits = String.valueOf(value).replace("-", "");
        if (!digits.matches("\\d{24}")) {
            return String.valueOf(value);
        }
        return digits.substring(0, 8) + "-" + digits.substring(8, 16) + "-" + digits.substring(16);
    }

    private static LocalDate toSeoulDate(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof LocalDateTime local) {
            return local.toLocalDate();
        }
        return toSeoul(value).toLocalDate();
    }

    private static ZonedDateTime toSeoul(Object value) {
        if (value instanceof Instant instant) {
            return instant.atZone(SEOUL);
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.atZoneSameInstant(SEOUL);
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(SEOUL);
        }
        throw new IllegalArgumentException("expected a date or an instant, not " + describe(value));
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
    }
}
