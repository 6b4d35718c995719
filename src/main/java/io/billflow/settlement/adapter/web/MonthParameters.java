package io.billflow.settlement.adapter.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.billflow.platform.web.FieldViolation;
import io.billflow.platform.web.InvalidInputException;
import io.billflow.settlement.readmodel.SettlementStatisticsQuery;
import io.billflow.settlement.readmodel.SettlementStatisticsQuery.Dimension;

/** Month and range parameters of the dashboard and the statistics; each bad one is a 400 naming it. */
final class MonthParameters {

    /** A checked statistics request. */
    record Range(YearMonth from, YearMonth to, Dimension by) {
    }

    private MonthParameters() {
    }

    /** An optional {@code yyyy-MM}: null or blank is null. */
    static YearMonth optionalMonth(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        List<FieldViolation> violations = new ArrayList<>();
        YearMonth month = parse(field, value, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return month;
    }

    /**
     * {@code from}/{@code to} ({@code yyyy-MM}, default: the twelve months up to {@code current}) and {@code by}
     * ({@code partner}, {@code group}, {@code media}; default partner). Every problem is named at once.
     */
    static Range range(String from, String to, String by, YearMonth current) {
        List<FieldViolation> violations = new ArrayList<>();
        boolean fromGiven = from != null && !from.isBlank();
        YearMonth start = fromGiven ? parse("from", from, violations) : null;
        YearMonth end = to == null || to.isBlank() ? current : parse("to", to, violations);
        if (!fromGiven && end != null) {
            start = end.minusMonths(11);
        }
        Dimension dimension = by == null || by.isBlank() ? Dimension.PARTNER : Dimension.parse(by).orElse(null);
        if (dimension == null) {
            violations.add(new FieldViolation("by", "must be partner, group or media", by));
        }
        if (start != null && end != null) {
            if (start.isAfter(end)) {
                violations.add(new FieldViolation("from", "must not be after to (" + end + ")", from));
            } else if (start.plusMonths(SettlementStatisticsQuery.MAX_MONTHS).isBefore(end.plusMonths(1))) {
                violations.add(new FieldViolation("to", "must be at most " + SettlementStatisticsQuery.MAX_MONTHS
                        + " months from " + start + " (both included)", to));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Range(start, end, dimension);
    }

    private static YearMonth parse(String field, String value, List<FieldViolation> violations) {
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field, "must be a month as yyyy-MM, e.g. 2026-10", value));
            return null;
        }
    }
}
