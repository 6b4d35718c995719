package io.billflow.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

import io.billflow.TestHttp;
import io.billflow.invoice.InvoiceFixtures;
import io.billflow.settlement.domain.PayeeType;
import io.billflow.settlement.domain.ReportStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the settlement process (settlementProcess, built in parallel) writes, written here directly with SQL so
 * the read models can be tested now: status moves with their {@code settlement_report_history} rows, the
 * deadline, payouts, the link to an invoice with an approval number. Every insert the dashboard tests depend on
 * is in this one class: replace its bodies by driving the process once it exists.
 */
final class SettlementProgressFixture {

    private static final AtomicLong APPROVAL_SEQUENCE = new AtomicLong(System.nanoTime() % 10_000_000L);

    private final JdbcTemplate jdbc;

    SettlementProgressFixture(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Imports a report through the REST API (as a settlement manager); returns its id. */
    static long importReport(TestHttp http, long groupId, String month, String linesJson) {
        HttpResponse<String> imported = http.putJson("/api/settlement/groups/" + groupId + "/reports/" + month,
                "{\"lines\":[" + linesJson + "]}", "manager", "manager");
        assertThat(imported.statusCode()).as(imported.body()).isIn(200, 201);
        return SettlementFixtures.json(imported).get("id").asLong();
    }

    /** A report line JSON. */
    static String line(String media, String item, long supply, long vat) {
        return line(media, item, supply, vat, false);
    }

    static String line(String media, String item, long supply, long vat, boolean adjustment) {
        return """
                {"media":"%s","item":"%s","supplyAmount":%d,"vat":%d,"total":%d,"adjustment":%b}"""
                .formatted(media, item, supply, vat, supply + vat, adjustment);
    }

    /** Moves the report to {@code to} and records the change (from = its current status). */
    void move(long reportId, ReportStatus to, String actor, Instant at, String memo) {
        String from = jdbc.queryForObject("select status from settlement_report where id = ?", String.class, reportId);
        jdbc.update("update settlement_report set status = ?, version = version + 1, updated_at = ? where id = ?",
                to.name(), Timestamp.from(at), reportId);
        history(reportId, at, actor, from, to.name(), memo);
    }

    /** Moves the report along the usual path to {@code to}, one hour per step from {@code start}. */
    void moveAlong(long reportId, ReportStatus to, Instant start) {
        ReportStatus[] path = {ReportStatus.IN_REVIEW, ReportStatus.PUBLISHED, ReportStatus.SIGNATURE_REQUESTED,
                ReportStatus.PAYOUT_PROCESSING, ReportStatus.PAID};
        Instant at = start;
        if (to == ReportStatus.RETURNED || to == ReportStatus.ON_HOLD || to == ReportStatus.CANCELLED) {
            move(reportId, ReportStatus.IN_REVIEW, "manager", at, null);
            move(reportId, to, "manager", at.plusSeconds(3600), "fixture: " + to);
            return;
        }
        for (ReportStatus step : path) {
            if (to == ReportStatus.DRAFT) {
                return;
            }
            move(reportId, step, step == ReportStatus.IN_REVIEW || step == ReportStatus.PUBLISHED ? "manager"
                    : "settlementProcess", at, null);
            if (step == ReportStatus.PUBLISHED) {
                jdbc.update("update settlement_report set published_at = ? where id = ?", Timestamp.from(at), reportId);
            }
            if (step == to) {
                return;
            }
            at = at.plusSeconds(3600);
        }
    }

    /** A history row as it is, e.g. out of order. */
    void history(long reportId, Instant at, String actor, String from, String to, String memo) {
        jdbc.update("insert into settlement_report_history (report_id, occurred_at, actor, from_status, to_status, memo)"
                + " values (?, ?, ?, ?, ?, ?)", reportId, Timestamp.from(at), actor, from, to, memo);
    }

    void deadline(long reportId, LocalDate deadline) {
        jdbc.update("update settlement_report set deadline = ? where id = ?",
                deadline == null ? null : Date.valueOf(deadline), reportId);
    }

    /** A payout row; {@code accountMasked} as the process stores it (the tests also try a clear one). */
    void payout(long reportId, PayeeType payee, long gross, long incomeTax, long localIncomeTax, LocalDate scheduled,
                String status, String bankCode, String accountMasked, String holderMasked, Instant paidAt) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                insert into settlement_payout (report_id, payee_type, gross_amount, income_tax, local_income_tax,
                    payout_amount, scheduled_date, requires_approval, status, bank_code, account_masked, holder_masked,
                    paid_at, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?, ?, ?)""", reportId, payee.name(), gross, incomeTax,
                localIncomeTax, gross - incomeTax - localIncomeTax, Date.valueOf(scheduled), status, bankCode,
                accountMasked, holderMasked, paidAt == null ? null : Timestamp.from(paidAt), now, now);
    }

    /**
     * An invoice of the partner (a draft written through the invoice API) given an NTS approval number, linked to
     * the report; returns the approval number.
     */
    String invoice(TestHttp http, long reportId, long buyerCompanyId, long partnerId) {
        HttpResponse<String> created = http.postJson("/api/invoices", InvoiceFixtures.invoiceJson(buyerCompanyId,
                partnerId, "STMT-" + System.nanoTime() % 1_000_000_000L), "operator", "operator");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long invoiceId = InvoiceFixtures.id(created);
        String approval = "20230610" + "41000000" + String.format("%08d", APPROVAL_SEQUENCE.incrementAndGet());
        jdbc.update("update tax_invoice set nts_confirm_num = ? where id = ?", approval, invoiceId);
        jdbc.update("update settlement_report set invoice_id = ? where id = ?", invoiceId, reportId);
        return approval;
    }
}
