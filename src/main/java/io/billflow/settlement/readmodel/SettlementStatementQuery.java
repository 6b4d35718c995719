package io.billflow.settlement.readmodel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.billflow.platform.web.ResourceNotFoundException;
import io.billflow.settlement.domain.PayeeType;
import io.billflow.settlement.domain.ReportStatus;
import io.billflow.settlement.domain.Withholding;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 정산 명세서: one report, printable — the lines by medium, the totals, the payout (for individuals 소득세 3% and
 * 지방소득세 0.3% apart from the net payout), the masked account, the dates and the invoice's approval number.
 */
@Component
public class SettlementStatementQuery {

    /**
     * @param payment the payout as written by the settlement process; before it is scheduled, what the
     *                withholding rules give ({@code payment.expected()} true). Null for a cancelled report.
     */
    public record Statement(long reportId, String month, ReportStatus status, String stage, long groupId,
                            String groupName, long partnerId, String partnerName, String corpNum, String payeeType,
                            String payeeLabel, String vatRule, List<StatementLine> lines, long supplyTotal,
                            long vatTotal, long totalAmount, int revision, LocalDate deadline, Instant publishedAt,
                            LocalDate writeDate, Long invoiceId, String invoiceApprovalNumber, PaymentView payment,
                            MaskedAccount account, LocalDate printedOn) {

        public boolean individual() {
            return "INDIVIDUAL".equals(payeeType);
        }
    }

    public record StatementLine(int position, String media, String item, long supplyAmount, long vat, long total,
                                boolean adjustment) {
    }

    private final ReportReader reader;
    private final NamedParameterJdbcTemplate jdbc;
    private final SettlementDashboardQuery dashboard;

    public SettlementStatementQuery(ReportReader reader, NamedParameterJdbcTemplate jdbc,
                                    SettlementDashboardQuery dashboard) {
        this.reader = reader;
        this.jdbc = jdbc;
        this.dashboard = dashboard;
    }

    @Transactional(readOnly = true)
    public Statement statement(long reportId) {
        ReportReader.ReportFacts f = reader.report(reportId)
                .orElseThrow(() -> new ResourceNotFoundException("No settlement report " + reportId));
        List<StatementLine> lines = jdbc.query("""
                select position, media, item, supply_amount, vat, total, adjustment
                from settlement_report_line where report_id = :id order by position""",
                new MapSqlParameterSource("id", reportId), (rs, i) -> new StatementLine(rs.getInt("position"),
                        rs.getString("media"), rs.getString("item"), rs.getLong("supply_amount"), rs.getLong("vat"),
                        rs.getLong("total"), rs.getBoolean("adjustment")));
        MaskedAccount current = reader.currentAccount(f.groupId());
        PaymentView payment = f.payment() != null ? f.payment() : expected(f, current);
        String payeeType = payment != null ? payment.payeeType() : f.partnerType();
        MaskedAccount account = payment != null && payment.account() != null ? payment.account() : current;
        return new Statement(f.id(), f.month().toString(), f.status(), f.stage(), f.groupId(), f.groupName(),
                f.partnerId(), f.partnerName(), formatCorpNum(f.corpNum()), payeeType, StageLabels.ofPayee(payeeType),
                f.vatRule(), lines, f.supplyTotal(), f.vatTotal(), f.totalAmount(), f.revision(), f.deadline(),
                f.publishedAt(), f.writeDate(), f.invoiceId(), f.invoiceApprovalNumber(), payment, account,
                dashboard.today());
    }

    /** No payout written yet: what the withholding rules give for the report's total (marked expected). */
    private static PaymentView expected(ReportReader.ReportFacts f, MaskedAccount account) {
        if (f.status() == ReportStatus.CANCELLED || f.totalAmount() <= 0) {
            return null;
        }
        PayeeType payee = "INDIVIDUAL".equals(f.partnerType()) ? PayeeType.INDIVIDUAL : PayeeType.BUSINESS;
        Withholding w = Withholding.of(payee, f.totalAmount());
        return new PaymentView(payee.name(), StageLabels.ofPayee(payee.name()), w.gross(), w.incomeTax(),
                w.localIncomeTax(), w.incomeTax() + w.localIncomeTax(), w.payout(), null, null, "지급 예약 전", false,
                account, null, null, true);
    }

    /** 1234567890 → 123-45-67890; null (individuals) stays null. */
    static String formatCorpNum(String corpNum) {
        if (corpNum == null || corpNum.strip().length() != 10) {
            return corpNum;
        }
        String n = corpNum.strip();
        return n.substring(0, 3) + "-" + n.substring(3, 5) + "-" + n.substring(5);
    }
}
