package io.billflow.settlement.readmodel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.billflow.calendar.api.BusinessCalendar;
import io.billflow.invoice.api.InvoiceRequests;
import io.billflow.settlement.application.PayoutAccountService;
import io.billflow.settlement.domain.PayoutAccount;
import io.billflow.settlement.domain.ReportStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads reports with their group, partner and payout in one query, and their invoices' approval numbers from the
 * invoice module, for the group drill-down and the statement.
 */
@Component
class ReportReader {

    /** Everything the drill-down and the statement show of one report (without lines and history). */
    record ReportFacts(long id, long groupId, String groupName, long partnerId, String partnerName,
                       String partnerType, String corpNum, YearMonth month, ReportStatus status, String stage,
                       LocalDate deadline, boolean overdue, String vatRule, int lineCount, long supplyTotal,
                       long vatTotal, long totalAmount, int revision, Instant publishedAt, Instant confirmedAt,
                       LocalDate writeDate, Long invoiceId, String invoiceApprovalNumber, PaymentView payment) {

        ReportFacts withInvoiceApprovalNumber(String number) {
            return new ReportFacts(id, groupId, groupName, partnerId, partnerName, partnerType, corpNum, month, status,
                    stage, deadline, overdue, vatRule, lineCount, supplyTotal, vatTotal, totalAmount, revision,
                    publishedAt, confirmedAt, writeDate, invoiceId, number, payment);
        }
    }

    private static final String SELECT = """
            select r.id, r.group_id, r.partner_id, r.settlement_month, r.status, r.deadline, r.vat_rule,
                   r.line_count, r.supply_total, r.vat_total, r.total_amount, r.revision, r.published_at,
                   r.confirmed_at, r.write_date, r.invoice_id,
                   g.name as group_name, g.settlement_deadline_day,
                   pa.corp_name as partner_name, pa.partner_type, pa.corp_num,
                   p.report_id as payout_report_id, p.payee_type, p.gross_amount, p.income_tax,
                   p.local_income_tax, p.payout_amount, p.scheduled_date, p.status as payout_status,
                   p.bank_code as payout_bank_code, p.account_masked, p.holder_masked, p.paid_at
            from settlement_report r
            join settlement_group g on g.id = r.group_id
            join settlement_partner pa on pa.partner_id = r.partner_id
            left join settlement_payout p on p.report_id = r.id
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final BusinessCalendar calendar;
    private final PayoutAccountService accounts;
    private final Clock clock;
    private final InvoiceRequests invoices;

    ReportReader(NamedParameterJdbcTemplate jdbc, BusinessCalendar calendar, PayoutAccountService accounts,
                 Clock clock, InvoiceRequests invoices) {
        this.invoices = invoices;
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.accounts = accounts;
        this.clock = clock;
    }

    Optional<ReportFacts> report(long reportId) {
        LocalDate today = LocalDate.now(clock);
        return withApprovalNumbers(jdbc.query(SELECT + " where r.id = :id", new MapSqlParameterSource("id", reportId),
                (rs, i) -> facts(rs, today))).stream().findFirst();
    }

    /** The group's reports, newest month first. */
    List<ReportFacts> ofGroup(long groupId) {
        LocalDate today = LocalDate.now(clock);
        return withApprovalNumbers(jdbc.query(SELECT
                        + " where r.group_id = :groupId order by r.settlement_month desc, r.id desc",
                new MapSqlParameterSource("groupId", groupId), (rs, i) -> facts(rs, today)));
    }

    /** Every status change of the reports, oldest first (per report in the order they happened). */
    List<StageChangeOfReport> history(List<Long> reportIds) {
        if (reportIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                select h.id, h.report_id, h.occurred_at, h.actor, h.from_status, h.to_status, h.memo
                from settlement_report_history h
                where h.report_id in (:ids)
                order by h.report_id, h.occurred_at, h.id""", new MapSqlParameterSource("ids", reportIds),
                (rs, i) -> new StageChangeOfReport(rs.getLong("report_id"), new StageChange(rs.getLong("id"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                        rs.getString("from_status"), StageLabels.ofReport(rs.getString("from_status")),
                        rs.getString("to_status"), StageLabels.ofReport(rs.getString("to_status")),
                        rs.getString("memo"))));
    }

    record StageChangeOfReport(long reportId, StageChange change) {
    }

    /** The group's current payout account, masked, or null when it has none. */
    MaskedAccount currentAccount(long groupId) {
        return accounts.current(groupId).map(this::masked).orElse(null);
    }

    private MaskedAccount masked(PayoutAccount a) {
        return MaskedAccount.of(a.bankCode(), accounts.bankName(a.bankCode()), a.maskedAccount(), a.holderName());
    }

    /** The invoices' approval numbers, asked of the invoice module (its table is not ours to read). */
    private List<ReportFacts> withApprovalNumbers(List<ReportFacts> facts) {
        List<Long> invoiceIds = facts.stream().map(ReportFacts::invoiceId).filter(Objects::nonNull).toList();
        if (invoiceIds.isEmpty()) {
            return facts;
        }
        Map<Long, String> numbers = invoices.approvalNumbers(invoiceIds);
        return facts.stream().map(f -> f.invoiceId() == null ? f : f.withInvoiceApprovalNumber(
                numbers.get(f.invoiceId()))).toList();
    }

    private ReportFacts facts(ResultSet rs, LocalDate today) throws SQLException {
        YearMonth month = SettlementDashboardQuery.month(rs);
        ReportStatus status = ReportStatus.valueOf(rs.getString("status"));
        LocalDate deadline = SettlementDashboardQuery.localDate(rs, "deadline");
        if (deadline == null) {
            deadline = calendar.onOrAfter(month.plusMonths(1).atDay(rs.getInt("settlement_deadline_day")));
        }
        long invoice = rs.getLong("invoice_id");
        Long invoiceId = rs.wasNull() ? null : invoice;
        Timestamp published = rs.getTimestamp("published_at");
        Timestamp confirmed = rs.getTimestamp("confirmed_at");
        return new ReportFacts(rs.getLong("id"), rs.getLong("group_id"), rs.getString("group_name"),
                rs.getLong("partner_id"), rs.getString("partner_name"), rs.getString("partner_type"),
                rs.getString("corp_num"), month, status, StageLabels.of(status), deadline,
                SettlementDashboardQuery.WAITING_FOR_PARTNER.contains(status) && deadline.isBefore(today),
                rs.getString("vat_rule"), rs.getInt("line_count"), rs.getLong("supply_total"), rs.getLong("vat_total"),
                rs.getLong("total_amount"), rs.getInt("revision"), published == null ? null : published.toInstant(),
                confirmed == null ? null : confirmed.toInstant(), SettlementDashboardQuery.localDate(rs, "write_date"),
                invoiceId, null, payment(rs, today));
    }

    private PaymentView payment(ResultSet rs, LocalDate today) throws SQLException {
        rs.getLong("payout_report_id");
        if (rs.wasNull()) {
            return null;
        }
        String payeeType = rs.getString("payee_type");
        long incomeTax = rs.getLong("income_tax");
        long localIncomeTax = rs.getLong("local_income_tax");
        LocalDate scheduled = SettlementDashboardQuery.localDate(rs, "scheduled_date");
        String status = rs.getString("payout_status");
        Timestamp paid = rs.getTimestamp("paid_at");
        String bankCode = rs.getString("payout_bank_code");
        String accountMasked = rs.getString("account_masked");
        MaskedAccount account = accountMasked == null ? currentAccount(rs.getLong("group_id"))
                : MaskedAccount.of(bankCode, bankCode == null ? null : accounts.bankName(bankCode), accountMasked,
                        rs.getString("holder_masked"));
        return new PaymentView(payeeType, StageLabels.ofPayee(payeeType), rs.getLong("gross_amount"), incomeTax,
                localIncomeTax, incomeTax + localIncomeTax, rs.getLong("payout_amount"), scheduled, status,
                StageLabels.ofPayout(status), scheduled != null && scheduled.isBefore(today) && !"PAID".equals(status),
                account, paid == null ? null : paid.toInstant(),
                paid == null ? null : LocalDate.ofInstant(paid.toInstant(), clock.getZone()), false);
    }
}
