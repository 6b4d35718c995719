package io.billflow.settlement.application;

import java.sql.Date;
import java.time.YearMonth;
import java.util.List;

import io.billflow.settlement.domain.ReportStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Lists reports across groups (by month, status, partner, group) without loading their lines. */
@Component
public class ReportSearch {

    public record Criteria(YearMonth month, ReportStatus status, Long partnerId, Long groupId) {
    }

    public record Summary(long id, long groupId, String groupName, long partnerId, String month, String status,
                          String vatRule, int lineCount, long supplyTotal, long vatTotal, long totalAmount,
                          int revision, java.time.Instant importedAt, String importedBy) {
    }

    public record Page(List<Summary> items, int page, int size, long total) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public ReportSearch(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Page search(Criteria c, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        MapSqlParameterSource p = new MapSqlParameterSource();
        if (c.month() != null) {
            where.append(" and r.settlement_month = :month");
            p.addValue("month", Date.valueOf(c.month().atDay(1)));
        }
        if (c.status() != null) {
            where.append(" and r.status = :status");
            p.addValue("status", c.status().name());
        }
        if (c.partnerId() != null) {
            where.append(" and r.partner_id = :partnerId");
            p.addValue("partnerId", c.partnerId());
        }
        if (c.groupId() != null) {
            where.append(" and r.group_id = :groupId");
            p.addValue("groupId", c.groupId());
        }
        String from = " from settlement_report r join settlement_group g on g.id = r.group_id";
        Long total = jdbc.queryForObject("select count(*)" + from + where, p, Long.class);
        p.addValue("limit", size).addValue("offset", (long) page * size);
        List<Summary> items = jdbc.query("select r.*, g.name as group_name" + from + where
                + " order by r.settlement_month desc, r.id desc limit :limit offset :offset", p, (rs, i) -> new Summary(
                rs.getLong("id"), rs.getLong("group_id"), rs.getString("group_name"), rs.getLong("partner_id"),
                YearMonth.from(rs.getDate("settlement_month").toLocalDate()).toString(), rs.getString("status"),
                rs.getString("vat_rule"), rs.getInt("line_count"), rs.getLong("supply_total"), rs.getLong("vat_total"),
                rs.getLong("total_amount"), rs.getInt("revision"), rs.getTimestamp("imported_at").toInstant(),
                rs.getString("imported_by")));
        return new Page(items, page, size, total == null ? 0 : total);
    }
}
