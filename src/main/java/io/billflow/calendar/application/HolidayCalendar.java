package io.billflow.calendar.application;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import io.billflow.calendar.api.BusinessCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The business-day calendar, held in memory (a few dozen dates a year) and backed by the
 * {@code business_holiday} table. The shipped file {@code calendar/kr-holidays.txt} seeds missing dates at
 * start; admins add ad-hoc holidays (임시공휴일, elections) and remove wrong ones through the API.
 * Nodes reload the table every start; an edit on one node reloads that node at once.
 */
@Service
public class HolidayCalendar implements BusinessCalendar, ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(HolidayCalendar.class);
    static final String SHIPPED_FILE = "calendar/kr-holidays.txt";

    /** A holiday as stored. */
    public record Holiday(LocalDate date, String name, String source) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile ConcurrentSkipListMap<LocalDate, String> holidays = new ConcurrentSkipListMap<>();

    public HolidayCalendar(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        int added = seedShippedHolidays();
        reload();
        log.info("Business calendar: {} holidays ({} added from {})", holidays.size(), added, SHIPPED_FILE);
    }

    @Override
    public boolean isBusinessDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.containsKey(date);
    }

    @Override
    public LocalDate onOrAfter(LocalDate date) {
        LocalDate day = date;
        while (!isBusinessDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    public List<Holiday> holidays(int year) {
        return jdbc.query("select holiday_date, name, source from business_holiday "
                        + "where extract(year from holiday_date) = ? order by holiday_date",
                (rs, i) -> new Holiday(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3)), year);
    }

    @Transactional
    public Holiday put(LocalDate date, String name, String actor) {
        jdbc.update("""
                insert into business_holiday (holiday_date, name, source, updated_at, updated_by)
                values (?, ?, 'ADMIN', ?, ?)
                on conflict (holiday_date) do update set name = excluded.name, source = 'ADMIN',
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by""",
                Date.valueOf(date), name, Timestamp.from(clock.instant()), actor);
        jdbc.update("delete from business_holiday_removed where holiday_date = ?", Date.valueOf(date));
        reloadAfterCommit();
        return new Holiday(date, name, "ADMIN");
    }

    @Transactional
    public boolean remove(LocalDate date, String actor) {
        int removed = jdbc.update("delete from business_holiday where holiday_date = ?", Date.valueOf(date));
        jdbc.update("""
                insert into business_holiday_removed (holiday_date, removed_at, removed_by) values (?, ?, ?)
                on conflict (holiday_date) do update set removed_at = excluded.removed_at, removed_by = excluded.removed_by""",
                Date.valueOf(date), Timestamp.from(clock.instant()), actor);
        reloadAfterCommit();
        return removed > 0;
    }

    public void reload() {
        ConcurrentSkipListMap<LocalDate, String> fresh = new ConcurrentSkipListMap<>();
        jdbc.query("select holiday_date, name from business_holiday",
                rs -> {
                    fresh.put(rs.getDate(1).toLocalDate(), rs.getString(2));
                });
        holidays = fresh;
    }

    private void reloadAfterCommit() {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            reload();
                        }
                    });
        } else {
            reload();
        }
    }

    /** Inserts shipped dates that are neither present nor removed by an admin; returns how many. */
    int seedShippedHolidays() throws IOException {
        Map<LocalDate, String> shipped = readShippedFile();
        int added = 0;
        Timestamp now = Timestamp.from(clock.instant());
        for (Map.Entry<LocalDate, String> holiday : shipped.entrySet()) {
            added += jdbc.update("""
                    insert into business_holiday (holiday_date, name, source, updated_at, updated_by)
                    select ?, ?, 'SHIPPED', ?, 'system'
                    where not exists (select 1 from business_holiday_removed where holiday_date = ?)
                    on conflict (holiday_date) do nothing""",
                    Date.valueOf(holiday.getKey()), holiday.getValue(), now, Date.valueOf(holiday.getKey()));
        }
        return added;
    }

    /** Lines {@code yyyy-MM-dd Dow name}; two holidays on one date are joined with " / ". */
    static Map<LocalDate, String> readShippedFile() throws IOException {
        Map<LocalDate, String> holidays = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource(SHIPPED_FILE).getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] parts = trimmed.split("\\s+", 3);
                LocalDate date = LocalDate.parse(parts[0]);
                String name = parts.length == 3 ? parts[2] : "공휴일";
                holidays.merge(date, name, (a, b) -> a + " / " + b);
            }
        }
        return holidays;
    }
}
