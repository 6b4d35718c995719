package io.billflow.invoice.application;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.billflow.invoice.api.InvoiceState;
import io.billflow.invoice.api.TaxType;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Invoice search as in Popbill's {@code Search}: state patterns, a date type and range, parties, paging. */
@Component
public class InvoiceSearch {

    /** Which date the range applies to: written (W), issued (I) or registered (R). */
    public enum DateType { W, I, R }

    /** Sort keys. */
    public enum Sort { writeDate, regDT, issueDT, totalAmount }

    public record Criteria(List<String> statePatterns, DateType dateType, LocalDate from, LocalDate to,
                           Long partnerId, Long buyerCompanyId, String taxType, String query) {
    }

    public record Summary(long id, String invoiceeMgtKey, LocalDate writeDate, int stateCode, String stateName,
                          long partnerId, String invoicerCorpNum, String invoicerCorpName, long buyerCompanyId,
                          String invoiceeCorpName, String taxType, long supplyCostTotal, long taxTotal,
                          long totalAmount, boolean lateIssue, String ntsConfirmNum, Instant regDT, Instant issueDT) {
    }

    public record Page(List<Summary> items, int page, int size, long total) {
    }

    private static final Map<DateType, String> DATE_COLUMNS = Map.of(
            DateType.W, "write_date",
            DateType.I, "(issued_at at time zone 'Asia/Seoul')::date",
            DateType.R, "(registered_at at time zone 'Asia/Seoul')::date");
    private static final Map<Sort, String> SORT_COLUMNS = Map.of(
            Sort.writeDate, "write_date", Sort.regDT, "registered_at", Sort.issueDT, "issued_at",
            Sort.totalAmount, "total_amount");

    private final NamedParameterJdbcTemplate jdbc;

    public InvoiceSearch(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Page search(Criteria c, Sort sort, boolean ascending, int page, int size) {
        StringBuilder where = new StringBuilder(" where deleted_at is null");
        MapSqlParameterSource p = new MapSqlParameterSource();
        if (c.statePatterns() != null && !c.statePatterns().isEmpty()) {
            where.append(" and (");
            for (int i = 0; i < c.statePatterns().size(); i++) {
                where.append(i == 0 ? "" : " or ").append("cast(state_code as text) like :state").append(i);
                p.addValue("state" + i, c.statePatterns().get(i).replace('*', '_'));
            }
            where.append(")");
        }
        if (c.from() != null) {
            where.append(" and ").append(DATE_COLUMNS.get(c.dateType())).append(" >= :from");
            p.addValue("from", Date.valueOf(c.from()));
        }
        if (c.to() != null) {
            where.append(" and ").append(DATE_COLUMNS.get(c.dateType())).append(" <= :to");
            p.addValue("to", Date.valueOf(c.to()));
        }
        if (c.partnerId() != null) {
            where.append(" and partner_id = :partnerId");
            p.addValue("partnerId", c.partnerId());
        }
        if (c.buyerCompanyId() != null) {
            where.append(" and buyer_company_id = :buyerCompanyId");
            p.addValue("buyerCompanyId", c.buyerCompanyId());
        }
        if (c.taxType() != null) {
            where.append(" and tax_type = :taxType");
            p.addValue("taxType", c.taxType());
        }
        if (c.query() != null && !c.query().isBlank()) {
            where.append(" and (invoicee_mgt_key ilike :q or invoicer_corp_name ilike :q or invoicer_corp_num like :digits)");
            String q = c.query().trim().replace("%", "\\%").replace("_", "\\_");
            p.addValue("q", "%" + q + "%").addValue("digits", "%" + q.replace("-", "") + "%");
        }
        Long total = jdbc.queryForObject("select count(*) from tax_invoice" + where, p, Long.class);
        p.addValue("limit", size).addValue("offset", (long) page * size);
        List<Summary> items = jdbc.query("select * from tax_invoice" + where + " order by "
                        + SORT_COLUMNS.get(sort) + (ascending ? " asc" : " desc") + " nulls last, id desc"
                        + " limit :limit offset :offset", p, InvoiceSearch::summary);
        return new Page(items, page, size, total == null ? 0 : total);
    }

    private static Summary summary(ResultSet rs, int row) throws SQLException {
        int state = rs.getInt("state_code");
        return new Summary(rs.getLong("id"), rs.getString("invoicee_mgt_key"), rs.getDate("write_date").toLocalDate(),
                state, InvoiceState.of(state).koreanName(), rs.getLong("partner_id"), rs.getString("invoicer_corp_num"),
                rs.getString("invoicer_corp_name"), rs.getLong("buyer_company_id"), rs.getString("invoicee_corp_name"),
                TaxType.valueOf(rs.getString("tax_type")).label(),
                rs.getLong("supply_cost_total"), rs.getLong("tax_total"), rs.getLong("total_amount"),
                rs.getBoolean("late_issue"), rs.getString("nts_confirm_num"),
                rs.getTimestamp("registered_at").toInstant(),
                rs.getTimestamp("issued_at") == null ? null : rs.getTimestamp("issued_at").toInstant());
    }
}
