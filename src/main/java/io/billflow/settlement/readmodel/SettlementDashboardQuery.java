package io.billflow.settlement.readmodel;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.billflow.calendar.api.BusinessCalendar;
import io.billflow.settlement.domain.ReportStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The settlement managers' dashboard (Cockpit CE keeps no history, so this is their view of the month): how
 * many reports stand at each stage, what is overdue, and the money per settlement month.
 * <p>
 * <b>Scope</b>: one settlement month, or without one every <em>open</em> month — a month with at least one
 * report not yet {@code PAID} or {@code CANCELLED}. Within the scope every report counts (so "8 of 10 paid"
 * shows), except that cancelled reports add nothing to the money totals.
 * <p>
 * <b>Overdue</b> ("today" is the business date, Asia/Seoul, of the injected {@link Clock}): a report waiting
 * for the partner ({@code PUBLISHED}, {@code SIGNATURE_REQUESTED}) whose deadline is before today — the stored
 * {@code deadline}, or the group's deadline day moved to a business day when none is stored yet — and a payout
 * whose {@code scheduled_date} is before today and that is not {@code PAID}.
 * <p>
 * <b>Paid / withheld</b>: the net {@code payout_amount}, and 소득세 + 지방소득세, of payouts that are {@code PAID};
 * attributed to the settlement month of their report, not to the day the money moved.
 */
@Component
public class SettlementDashboardQuery {

    /** How many reports the dashboard page lists below the counts before it says "more". */
    public static final int REPORT_LIST_LIMIT = 200;

    static final List<ReportStatus> WAITING_FOR_PARTNER = List.of(ReportStatus.PUBLISHED,
            ReportStatus.SIGNATURE_REQUESTED);

    /** @param month the month asked for, or null: every open month ({@code months} lists which) */
    public record Dashboard(String month, LocalDate today, List<String> months, long reportCount,
                            List<StageCount> stages, List<OverdueReport> overdueReports,
                            List<OverduePayout> overduePayouts, List<MonthTotals> totals) {
    }

    public record StageCount(ReportStatus status, String label, long count) {
    }

    public record OverdueReport(long reportId, long groupId, String groupName, long partnerId, String partnerName,
                                String month, ReportStatus status, String stage, LocalDate deadline,
                                long daysOverdue, long totalAmount) {
    }

    public record OverduePayout(long reportId, long groupId, String groupName, long partnerId, String partnerName,
                                String month, ReportStatus reportStatus, String payoutStatus, String payoutStage,
                                LocalDate scheduledDate, long daysOverdue, long payoutAmount) {
    }

    /**
     * The money of one settlement month: supply, VAT and total of its reports (cancelled ones left out), and
     * of the payouts made so far the net amount paid and what was withheld (income tax + local income tax).
     */
    public record MonthTotals(String month, long reports, long supply, long vat, long total, long paid,
                              long incomeTax, long localIncomeTax, long withheld) {
    }

    /** One report in the dashboard page's list. */
    public record ReportRow(long id, long groupId, String groupName, long partnerId, String partnerName, String month,
                            ReportStatus status, String stage, LocalDate deadline, boolean overdue, long totalAmount,
                            String payoutStatus, String payoutStage, LocalDate scheduledDate) {
    }

    public record ReportList(List<ReportRow> items, boolean more) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final BusinessCalendar calendar;
    private final Clock clock;

    public SettlementDashboardQuery(NamedParameterJdbcTemplate jdbc, BusinessCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional(readOnly = true)
    public Dashboard dashboard(YearMonth month) {
        LocalDate today = today();
        Scope scope = Scope.of(month);

        Map<ReportStatus, Long> counts = new EnumMap<>(ReportStatus.class);
        jdbc.query("select r.status, count(*) as n from settlement_report r where " + scope.sql
                + " group by r.status", scope.params, rs -> {
                    counts.merge(ReportStatus.valueOf(rs.getString("status")), rs.getLong("n"), Long::sum);
                });
        List<StageCount> stages = Arrays.stream(ReportStatus.values())
                .map(s -> new StageCount(s, StageLabels.of(s), counts.getOrDefault(s, 0L))).toList();
        long reportCount = counts.values().stream().mapToLong(Long::longValue).sum();

        List<String> months = jdbc.queryForList("select distinct r.settlement_month from settlement_report r where "
                + scope.sql + " order by r.settlement_month desc", scope.params, Date.class).stream()
                .map(d -> YearMonth.from(d.toLocalDate()).toString()).toList();

        return new Dashboard(month == null ? null : month.toString(), today, months, reportCount, stages,
                overdueReports(scope, today), overduePayouts(scope, today), totals(scope));
    }

    /** The reports of the scope, newest month first, optionally of one stage; at most {@code limit}. */
    @Transactional(readOnly = true)
    public ReportList reports(YearMonth month, ReportStatus status, int limit) {
        LocalDate today = today();
        Scope scope = Scope.of(month);
        MapSqlParameterSource params = scope.copy().addValue("limit", limit + 1);
        String statusFilter = "";
        if (status != null) {
            statusFilter = " and r.status = :status";
            params.addValue("status", status.name());
        }
        List<ReportRow> rows = new ArrayList<>(jdbc.query("""
                select r.id, r.group_id, g.name as group_name, g.settlement_deadline_day, r.partner_id,
                       pa.corp_name as partner_name, r.settlement_month, r.status, r.deadline, r.total_amount,
                       p.status as payout_status, p.scheduled_date
                from settlement_report r
                join settlement_group g on g.id = r.group_id
                join settlement_partner pa on pa.partner_id = r.partner_id
                left join settlement_payout p on p.report_id = r.id
                """ + " where " + scope.sql + statusFilter
                + " order by r.settlement_month desc, pa.corp_name, g.name, r.id limit :limit", params, (rs, i) -> {
                    ReportStatus s = ReportStatus.valueOf(rs.getString("status"));
                    YearMonth m = month(rs);
                    LocalDate deadline = deadline(rs, m);
                    String payoutStatus = rs.getString("payout_status");
                    return new ReportRow(rs.getLong("id"), rs.getLong("group_id"), rs.getString("group_name"),
                            rs.getLong("partner_id"), rs.getString("partner_name"), m.toString(), s,
                            StageLabels.of(s), deadline, WAITING_FOR_PARTNER.contains(s) && deadline.isBefore(today),
                            rs.getLong("total_amount"), payoutStatus, StageLabels.ofPayout(payoutStatus),
                            localDate(rs, "scheduled_date"));
                }));
        boolean more = rows.size() > limit;
        return new ReportList(more ? rows.subList(0, limit) : rows, more);
    }

    private List<OverdueReport> overdueReports(Scope scope, LocalDate today) {
        MapSqlParameterSource params = scope.copy().addValue("today", Date.valueOf(today))
                .addValue("waiting", WAITING_FOR_PARTNER.stream().map(Enum::name).toList());
        List<OverdueReport> overdue = new ArrayList<>();
        jdbc.query("""
                select r.id, r.group_id, g.name as group_name, g.settlement_deadline_day, r.partner_id,
                       pa.corp_name as partner_name, r.settlement_month, r.status, r.deadline, r.total_amount
                from settlement_report r
                join settlement_group g on g.id = r.group_id
                join settlement_partner pa on pa.partner_id = r.partner_id
                """ + " where " + scope.sql
                + " and r.status in (:waiting) and (r.deadline is null or r.deadline < :today)", params, rs -> {
                    YearMonth m = month(rs);
                    LocalDate deadline = deadline(rs, m);
                    if (deadline.isBefore(today)) {
                        ReportStatus s = ReportStatus.valueOf(rs.getString("status"));
                        overdue.add(new OverdueReport(rs.getLong("id"), rs.getLong("group_id"),
                                rs.getString("group_name"), rs.getLong("partner_id"), rs.getString("partner_name"),
                                m.toString(), s, StageLabels.of(s), deadline, ChronoUnit.DAYS.between(deadline, today),
                                rs.getLong("total_amount")));
                    }
                });
        overdue.sort(java.util.Comparator.comparing(OverdueReport::deadline).thenComparing(OverdueReport::reportId));
        return overdue;
    }

    private List<OverduePayout> overduePayouts(Scope scope, LocalDate today) {
        MapSqlParameterSource params = scope.copy().addValue("today", Date.valueOf(today));
        return jdbc.query("""
                select r.id, r.group_id, g.name as group_name, r.partner_id, pa.corp_name as partner_name,
                       r.settlement_month, r.status, p.status as payout_status, p.scheduled_date, p.payout_amount
                from settlement_payout p
                join settlement_report r on r.id = p.report_id
                join settlement_group g on g.id = r.group_id
                join settlement_partner pa on pa.partner_id = r.partner_id
                """ + " where " + scope.sql + " and p.scheduled_date < :today and p.status <> 'PAID'"
                + " order by p.scheduled_date, r.id", params, (rs, i) -> {
                    LocalDate scheduled = rs.getDate("scheduled_date").toLocalDate();
                    String payoutStatus = rs.getString("payout_status");
                    return new OverduePayout(rs.getLong("id"), rs.getLong("group_id"), rs.getString("group_name"),
                            rs.getLong("partner_id"), rs.getString("partner_name"), month(rs).toString(),
                            ReportStatus.valueOf(rs.getString("status")), payoutStatus,
                            StageLabels.ofPayout(payoutStatus), scheduled, ChronoUnit.DAYS.between(scheduled, today),
                            rs.getLong("payout_amount"));
                });
    }

    private List<MonthTotals> totals(Scope scope) {
        return jdbc.query("""
                select r.settlement_month, count(*) as reports,
                       coalesce(sum(r.supply_total), 0) as supply, coalesce(sum(r.vat_total), 0) as vat,
                       coalesce(sum(r.total_amount), 0) as total,
                       coalesce(sum(p.payout_amount) filter (where p.status = 'PAID'), 0) as paid,
                       coalesce(sum(p.income_tax) filter (where p.status = 'PAID'), 0) as income_tax,
                       coalesce(sum(p.local_income_tax) filter (where p.status = 'PAID'), 0) as local_income_tax
                from settlement_report r
                left join settlement_payout p on p.report_id = r.id
                """ + " where " + scope.sql + " and r.status <> 'CANCELLED'"
                + " group by r.settlement_month order by r.settlement_month desc", scope.copy(), (rs, i) -> {
                    long incomeTax = rs.getLong("income_tax");
                    long localIncomeTax = rs.getLong("local_income_tax");
                    return new MonthTotals(month(rs).toString(), rs.getLong("reports"), rs.getLong("supply"),
                            rs.getLong("vat"), rs.getLong("total"), rs.getLong("paid"), incomeTax, localIncomeTax,
                            incomeTax + localIncomeTax);
                });
    }

    /** The stored deadline, or the group's day in the following month moved to a business day. */
    private LocalDate deadline(ResultSet rs, YearMonth month) throws SQLException {
        LocalDate stored = localDate(rs, "deadline");
        if (stored != null) {
            return stored;
        }
        return calendar.onOrAfter(month.plusMonths(1).atDay(rs.getInt("settlement_deadline_day")));
    }

    static YearMonth month(ResultSet rs) throws SQLException {
        return YearMonth.from(rs.getDate("settlement_month").toLocalDate());
    }

    static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    /** Which reports a dashboard covers: one month, or every month that still has an unfinished report. */
    private record Scope(String sql, MapSqlParameterSource params) {

        static Scope of(YearMonth month) {
            if (month != null) {
                return new Scope("r.settlement_month = :month",
                        new MapSqlParameterSource("month", Date.valueOf(month.atDay(1))));
            }
            return new Scope("r.settlement_month in (select o.settlement_month from settlement_report o"
                    + " where o.status not in ('PAID', 'CANCELLED'))", new MapSqlParameterSource());
        }

        MapSqlParameterSource copy() {
            return new MapSqlParameterSource(params.getValues());
        }
    }
}
