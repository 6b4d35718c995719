package io.billflow.platform.web.input;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The dates billflow accepts from clients: 2000-01-01 to 2100-12-31. Tax invoices, settlements and
 * holidays outside that window are typing errors (0001-01-01, 9999-12-31), and far-off dates break
 * calendars, deadlines and NTS formats further down.
 */
public final class SaneDates {

    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private SaneDates() {
    }

    public static Optional<String> problem(LocalDate date) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            return Optional.of("must be between " + EARLIEST + " and " + LATEST);
        }
        return Optional.empty();
    }
}
