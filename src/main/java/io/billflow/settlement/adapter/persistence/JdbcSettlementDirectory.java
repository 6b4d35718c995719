package io.billflow.settlement.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import io.billflow.calendar.api.BusinessCalendar;
import io.billflow.settlement.api.SettlementDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Snapshots of groups and reports in plain SQL. Every settlement job and task reads them, several times per
 * report: loading the aggregates through spring-data-jdbc instead cost a quarter of the month-end's CPU (SQL
 * rendered per call, reflective mapping of the group's media and contacts that most readers never look at).
 */
@Component
class JdbcSettlementDirectory implements SettlementDirectory {

    private static final String REPORT = "select r.id, r.group_id, r.partner_id, r.settlement_month, r.status, r.vat_rule, "
            + "r.supply_total, r.vat_total, r.total_amount, r.revision, g.settlement_deadline_day "
            + "from settlement_report r join settlement_group g on g.id = r.group_id ";

    private final JdbcTemplate jdbc;
    private final BusinessCalendar calendar;

    JdbcSettlementDirectory(JdbcTemplate jdbc, BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<GroupSnapshot> group(long groupId) {
        return jdbc.query("select id, partner_id, name, settlement_deadline_day, exists (select 1 "
                + "from settlement_payout_account a where a.group_id = g.id and a.replaced_at is null) as has_account "
                + "from settlement_group g where id = ?", (rs, row) -> new GroupSnapshot(rs.getLong("id"),
                rs.getLong("partner_id"), rs.getString("name"), media(groupId), contacts(groupId),
                rs.getInt("settlement_deadline_day"), rs.getBoolean("has_account")), groupId).stream().findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ReportSnapshot> report(long reportId) {
        return jdbc.query(REPORT + "where r.id = ?", this::snapshot, reportId).stream().findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ReportSnapshot> report(long groupId, YearMonth month) {
        return jdbc.query(REPORT + "where r.group_id = ? and r.settlement_month = ?", this::snapshot, groupId,
                java.sql.Date.valueOf(month.atDay(1))).stream().findFirst();
    }

    private ReportSnapshot snapshot(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        YearMonth month = YearMonth.from(rs.getDate("settlement_month").toLocalDate());
        return new ReportSnapshot(id, rs.getLong("group_id"), rs.getLong("partner_id"), month, rs.getString("status"),
                rs.getString("vat_rule"), rs.getLong("supply_total"), rs.getLong("vat_total"),
                rs.getLong("total_amount"), rs.getInt("revision"), deadline(month, rs.getInt("settlement_deadline_day")),
                lines(id));
    }

    /** As {@link io.billflow.settlement.application.SettlementReportService#deadline}: the group's day of the next month, on a business day. */
    private LocalDate deadline(YearMonth month, int deadlineDay) {
        return calendar.onOrAfter(month.plusMonths(1).atDay(deadlineDay));
    }

    private List<Line> lines(long reportId) {
        return jdbc.query("select media, item, supply_amount, vat, total, adjustment from settlement_report_line "
                + "where report_id = ? order by position", (rs, row) -> new Line(rs.getString("media"),
                rs.getString("item"), rs.getLong("supply_amount"), rs.getLong("vat"), rs.getLong("total"),
                rs.getBoolean("adjustment")), reportId);
    }

    private List<String> media(long groupId) {
        return jdbc.queryForList("select name from settlement_group_media where group_id = ? order by position",
                String.class, groupId);
    }

    private List<Contact> contacts(long groupId) {
        return jdbc.query("select name, email, mobile from settlement_group_contact where group_id = ? order by position",
                (rs, row) -> new Contact(rs.getString("name"), rs.getString("email"), rs.getString("mobile")), groupId);
    }
}
