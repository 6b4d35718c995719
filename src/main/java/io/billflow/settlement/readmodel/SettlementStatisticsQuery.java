package io.billflow.settlement.readmodel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.billflow.settlement.domain.ReportStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 월별 정산통계: monthly totals per partner, settlement group or medium, with the change against the previous
 * month of the same partner / group / medium.
 * <p>
 * Counted: reports the partner has been shown — {@code PUBLISHED} and later ({@code SIGNATURE_REQUESTED},
 * {@code PAYOUT_PROCESSING}, {@code PAID}, {@code ON_HOLD}); drafts, reports in review or returned (their
 * numbers may still change) and cancelled reports are not. A medium's amounts are the sums of its lines
 * (adjustments included). Per partner also the net amount paid and the tax withheld (소득세 + 지방소득세) of
 * payouts that are {@code PAID}, attributed to the settlement month of their report.
 * <p>
 * The change compares {@code total} with the same key's total of the month before (looked up also for the
 * first month of the range); {@code null} when that month has no row for the key, the percentage also when
 * the previous total is 0. Percentages are of the previous total's absolute value, one decimal, half up.
 */
@Component
public class SettlementStatisticsQuery {

    public static final int MAX_MONTHS = 36;

    static final List<String> COUNTED = List.of(ReportStatus.PUBLISHED, ReportStatus.SIGNATURE_REQUESTED,
            ReportStatus.PAYOUT_PROCESSING, ReportStatus.PAID, ReportStatus.ON_HOLD).stream().map(Enum::name).toList();

    public enum Dimension {
        PARTNER, GROUP, MEDIA;

        public static Optional<Dimension> parse(String value) {
            if (value == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                return Optional.empty();
            }
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Statistics(String from, String to, String by, List<Row> rows) {
    }

    /**
     * One key in one month. {@code groupId}/{@code groupName} only per group, {@code media} only per medium,
     * {@code paid}/{@code withheld} only per partner.
     */
    public record Row(long partnerId, String partnerName, Long groupId, String groupName, String media, String month,
                      long reports, long supply, long vat, long total, Long paid, Long withheld,
                      @JsonInclude(JsonInclude.Include.ALWAYS) Long totalChange,
                      @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal totalChangePercent) {

        Row withChange(Long change, BigDecimal percent) {
            return new Row(partnerId, partnerName, groupId, groupName, media, month, reports, supply, vat, total, paid,
                    withheld, change, percent);
        }

        String key() {
            return partnerId + "|" + groupId + "|" + media;
        }
    }

    private final NamedParameterJdbcTemplate jdbc;

    public SettlementStatisticsQuery(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code from} ≤ {@code to}, at most {@link #MAX_MONTHS} months (the caller checks); optional filters. */
    @Transactional(readOnly = true)
    public Statistics statistics(YearMonth from, YearMonth to, Dimension by, Long partnerId, Long groupId) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("from", Date.valueOf(from.minusMonths(1).atDay(1)))
                .addValue("to", Date.valueOf(to.atDay(1)))
                .addValue("counted", COUNTED);
        StringBuilder where = new StringBuilder(
                " where r.settlement_month between :from and :to and r.status in (:counted)");
        if (partnerId != null) {
            where.append(" and r.partner_id = :partnerId");
            params.addValue("partnerId", partnerId);
        }
        if (groupId != null) {
            where.append(" and r.group_id = :groupId");
            params.addValue("groupId", groupId);
        }
        List<Row> rows = switch (by) {
            case PARTNER -> jdbc.query("""
                    select r.partner_id, pa.corp_name as partner_name, r.settlement_month, count(*) as reports,
                           sum(r.supply_total) as supply, sum(r.vat_total) as vat, sum(r.total_amount) as total,
                           coalesce(sum(p.payout_amount) filter (where p.status = 'PAID'), 0) as paid,
                           coalesce(sum(p.income_tax + p.local_income_tax) filter (where p.status = 'PAID'), 0)
                               as withheld
                    from settlement_report r
                    join settlement_partner pa on pa.partner_id = r.partner_id
                    left join settlement_payout p on p.report_id = r.id
                    """ + where + """

                    group by r.partner_id, pa.corp_name, r.settlement_month
                    order by pa.corp_name, r.partner_id, r.settlement_month""", params, (rs, i) -> new Row(
                    rs.getLong("partner_id"), rs.getString("partner_name"), null, null, null,
                    SettlementDashboardQuery.month(rs).toString(), rs.getLong("reports"), rs.getLong("supply"),
                    rs.getLong("vat"), rs.getLong("total"), rs.getLong("paid"), rs.getLong("withheld"), null, null));
            case GROUP -> jdbc.query("""
                    select r.partner_id, pa.corp_name as partner_name, r.group_id, g.name as group_name,
                           r.settlement_month, count(*) as reports, sum(r.supply_total) as supply,
                           sum(r.vat_total) as vat, sum(r.total_amount) as total
                    from settlement_report r
                    join settlement_partner pa on pa.partner_id = r.partner_id
                    join settlement_group g on g.id = r.group_id
                    """ + where + """

                    group by r.partner_id, pa.corp_name, r.group_id, g.name, r.settlement_month
                    order by pa.corp_name, r.partner_id, g.name, r.group_id, r.settlement_month""", params,
                    (rs, i) -> new Row(rs.getLong("partner_id"), rs.getString("partner_name"), rs.getLong("group_id"),
                            rs.getString("group_name"), null, SettlementDashboardQuery.month(rs).toString(),
                            rs.getLong("reports"), rs.getLong("supply"), rs.getLong("vat"), rs.getLong("total"), null,
                            null, null, null));
            case MEDIA -> jdbc.query("""
                    select r.partner_id, pa.corp_name as partner_name, l.media, r.settlement_month,
                           count(distinct r.id) as reports, sum(l.supply_amount) as supply, sum(l.vat) as vat,
                           sum(l.total) as total
                    from settlement_report_line l
                    join settlement_report r on r.id = l.report_id
                    join settlement_partner pa on pa.partner_id = r.partner_id
                    """ + where + """

                    group by r.partner_id, pa.corp_name, l.media, r.settlement_month
                    order by pa.corp_name, r.partner_id, l.media, r.settlement_month""", params,
                    (rs, i) -> new Row(rs.getLong("partner_id"), rs.getString("partner_name"), null, null,
                            rs.getString("media"), SettlementDashboardQuery.month(rs).toString(),
                            rs.getLong("reports"), rs.getLong("supply"), rs.getLong("vat"), rs.getLong("total"), null,
                            null, null, null));
        };
        return new Statistics(from.toString(), to.toString(), by.key(), withChanges(rows, from));
    }

    /** Adds the month-over-month change and drops the month before {@code from} (read only to compare). */
    private static List<Row> withChanges(List<Row> rows, YearMonth from) {
        Map<String, Row> byKeyAndMonth = new HashMap<>();
        rows.forEach(r -> byKeyAndMonth.put(r.key() + "@" + r.month(), r));
        List<Row> result = new ArrayList<>(rows.size());
        for (Row row : rows) {
            YearMonth month = YearMonth.parse(row.month());
            if (month.isBefore(from)) {
                continue;
            }
            Row previous = byKeyAndMonth.get(row.key() + "@" + month.minusMonths(1));
            if (previous == null) {
                result.add(row);
                continue;
            }
            long change = row.total() - previous.total();
            BigDecimal percent = previous.total() == 0 ? null : BigDecimal.valueOf(change).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(Math.abs(previous.total())), 1, RoundingMode.HALF_UP);
            result.add(row.withChange(change, percent));
        }
        return result;
    }
}
