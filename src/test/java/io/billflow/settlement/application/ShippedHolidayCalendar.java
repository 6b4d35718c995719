package io.billflow.settlement.application;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import io.billflow.calendar.api.BusinessCalendar;

/**
 * The shipped holiday file ({@code calendar/kr-holidays.txt}) as a {@link BusinessCalendar}, without Spring or a
 * database. Asking about a year the file does not cover fails, so a test can never silently pass on a
 * calendar with no holidays in it.
 */
final class ShippedHolidayCalendar implements BusinessCalendar {

    private final Set<LocalDate> holidays = new HashSet<>();
    private final Set<Integer> years = new HashSet<>();

    ShippedHolidayCalendar() {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("calendar/kr-holidays.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> LocalDate.parse(l.split("\\s+")[0]))
                    .forEach(date -> {
                        holidays.add(date);
                        years.add(date.getYear());
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean isBusinessDay(LocalDate date) {
        if (!years.contains(date.getYear())) {
            throw new IllegalStateException("the shipped calendar has no holidays for " + date.getYear());
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(date);
    }

    @Override
    public LocalDate onOrAfter(LocalDate date) {
        LocalDate day = date;
        while (!isBusinessDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }
}
