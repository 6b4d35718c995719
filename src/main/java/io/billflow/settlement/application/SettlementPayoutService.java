package io.billflow.settlement.application;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

import io.billflow.calendar.api.BusinessCalendar;
import io.billflow.notification.api.NotificationEvent;
import io.billflow.notification.api.Notifications;
import io.billflow.settlement.api.PayoutAccounts;
import io.billflow.settlement.api.SettlementDirectory.ReportSnapshot;
import io.billflow.settlement.bank.AccountHolderResult;
import io.billflow.settlement.bank.BankPort;
import io.billflow.settlement.bank.TransferRequest;
import io.billflow.settlement.bank.TransferResult;
import io.billflow.settlement.domain.PayeeType;
import io.billflow.settlement.domain.ReportStatus;
import io.billflow.settlement.domain.Withholding;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payout of a settlement report: planned once (amounts with every won accounted for, the scheduled
 * business day, whether a second person must approve), then the account holder checked and the money
 * moved through the bank port with one idempotency key per attempt. A job retried after a crash or a
 * timeout sends the same key again, and the bank answers with the first result: paid once.
 */
@Service
public class SettlementPayoutService {

    /** Payouts are sent from 09:00 (Asia/Seoul) on the scheduled day. */
    static final LocalTime PAYOUT_TIME = LocalTime.of(9, 0);

    private final JdbcTemplate jdbc;
    private final SettlementFlowService flow;
    private final ReportStages stages;
    private final PayoutSchedule schedule;
    private final BusinessCalendar calendar;
    private final PayoutAccounts accounts;
    private final BankPort bank;
    private final BankNames bankNames;
    private final Notifications notifications;
    private final Clock clock;
    private final long approvalThreshold;
    private final String supportContact;

    public SettlementPayoutService(JdbcTemplate jdbc, SettlementFlowService flow, ReportStages stages,
                                   PayoutSchedule schedule, BusinessCalendar calendar, PayoutAccounts accounts,
                                   BankPort bank, BankNames bankNames, Notifications notifications, Clock clock,
                                   @Value("${billflow.settlement.payout.approval-threshold:10000000}") long approvalThreshold,
                                   @Value("${billflow.settlement.support-contact}") String supportContact) {
        this.supportContact = supportContact;
        this.jdbc = jdbc;
        this.flow = flow;
        this.stages = stages;
        this.schedule = schedule;
        this.calendar = calendar;
        this.accounts = accounts;
        this.bank = bank;
        this.bankNames = bankNames;
        this.notifications = notifications;
        this.clock = clock;
        this.approvalThreshold = approvalThreshold;
    }

    /** When to pay and whether a settlement manager approves first. */
    public record PayoutPlan(java.util.Date dueAt, boolean requiresApproval) {
    }

    /**
     * Plans the payout once: gross = the report total; individuals have 3% income tax and 0.3% local income
     * tax withheld; the date is the configured day, on a business day, never before the next business day.
     */
    @Transactional
    public PayoutPlan schedule(long reportId) {
        ReportSnapshot report = flow.report(reportId);
        PayeeType payee = SettlementFlowService.individual(report) ? PayeeType.INDIVIDUAL : PayeeType.BUSINESS;
        Withholding amounts = Withholding.of(payee, report.totalAmount());
        LocalDate earliest = calendar.onOrAfter(LocalDate.now(clock).plusDays(1));
        LocalDate scheduled = schedule.payoutDate(report.month());
        if (scheduled.isBefore(earliest)) {
            scheduled = earliest;
        }
        boolean fourEyes = amounts.payout() > approvalThreshold;
        Timestamp now = Timestamp.from(clock.instant());
        int inserted = jdbc.update("insert into settlement_payout (report_id, payee_type, gross_amount, income_tax, "
                + "local_income_tax, payout_amount, scheduled_date, requires_approval, status, created_at, updated_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, 'SCHEDULED', ?, ?) on conflict do nothing", reportId, payee.name(),
                amounts.gross(), amounts.incomeTax(), amounts.localIncomeTax(), amounts.payout(), Date.valueOf(scheduled),
                fourEyes, now, now);
        if (inserted == 1) {
            stages.move(reportId, ReportStatus.PAYOUT_PROCESSING, "settlement", "payout scheduled for " + scheduled,
                    ReportStatus.SIGNATURE_REQUESTED, ReportStatus.PUBLISHED);
            SettlementFlowService.Notice notice = payoutNotice(report, amounts.payout());
            notice.variables().put("payoutDate", scheduled);
            notifications.publish(NotificationEvent.PAYOUT_SCHEDULED, "payout-scheduled:" + reportId,
                    notice.contacts(), notice.variables());
        }
        Map<String, Object> row = jdbc.queryForMap("select scheduled_date, requires_approval from settlement_payout "
                + "where report_id = ?", reportId);
        LocalDate date = ((Date) row.get("scheduled_date")).toLocalDate();
        return new PayoutPlan(java.util.Date.from(date.atTime(PAYOUT_TIME).atZone(clock.getZone()).toInstant()),
                (Boolean) row.get("requires_approval"));
    }

    /** The second pair of eyes: a settlement manager approved the payout. */
    @Transactional
    public void approve(long reportId, String approver) {
        if (approver == null || approver.isBlank() || "null".equals(approver)) {
            throw new IllegalArgumentException("report " + reportId + ": a payout approval names its approver");
        }
        jdbc.update("update settlement_payout set status = 'APPROVED', approved_by = ?, approved_at = ?, updated_at = ? "
                + "where report_id = ? and status = 'SCHEDULED'", approver, Timestamp.from(clock.instant()),
                Timestamp.from(clock.instant()), reportId);
    }

    /** 수취조회: the account exists and its holder is the one on file; otherwise operations decide. */
    @Transactional(noRollbackFor = PayoutRefusedException.class)
    public void verifyHolder(long reportId) {
        ReportSnapshot report = flow.report(reportId);
        PayoutAccounts.PayoutAccountForPayout account = account(report);
        AccountHolderResult holder = bank.lookupHolder(account.bankCode(), account.accountDigits());
        if (!holder.found() || !holder.holderMatches(account.holderName())) {
            String code = holder.found() ? "815" : holder.code().code();
            String message = holder.found() ? "예금주명 불일치: 은행의 예금주가 등록된 예금주와 다릅니다" : holder.message();
            refuse(reportId, code, message);
        }
        jdbc.update("update settlement_payout set status = 'HOLDER_VERIFIED', bank_code = ?, account_masked = ?, "
                + "updated_at = ? where report_id = ? and status in ('SCHEDULED', 'APPROVED', 'FAILED')",
                account.bankCode(), account.maskedAccount(), Timestamp.from(clock.instant()), reportId);
    }

    /**
     * 입금이체 with the attempt's idempotency key. A transient bank failure propagates (the job is retried
     * with the same key); a permanent one is recorded and handed to operations.
     */
    @Transactional(noRollbackFor = PayoutRefusedException.class)
    public void transfer(long reportId) {
        Map<String, Object> payout = jdbc.queryForMap("select status, attempt, payout_amount from settlement_payout "
                + "where report_id = ?", reportId);
        if ("PAID".equals(payout.get("status"))) {
            return;
        }
        ReportSnapshot report = flow.report(reportId);
        PayoutAccounts.PayoutAccountForPayout account = account(report);
        String key = idempotencyKey(reportId, ((Number) payout.get("attempt")).intValue());
        long amount = ((Number) payout.get("payout_amount")).longValue();
        jdbc.update("update settlement_payout set status = 'TRANSFERRING', idempotency_key = ?, updated_at = ? "
                + "where report_id = ?", key, Timestamp.from(clock.instant()), reportId);
        TransferResult result = bank.transfer(new TransferRequest(key, account.bankCode(), account.accountDigits(),
                account.holderName(), amount, "정산" + report.month().getMonthValue() + "월"));
        if (!result.succeeded()) {
            refuse(reportId, result.code().code(), result.message());
        }
        Instant paidAt = result.processedAt() == null ? clock.instant() : result.processedAt();
        jdbc.update("update settlement_payout set status = 'PAID', paid_at = ?, bank_response_code = ?, "
                + "bank_message = null, bank_transaction_id = ?, updated_at = ? where report_id = ?",
                Timestamp.from(paidAt), result.code().code(), result.bankTransactionId(), Timestamp.from(clock.instant()),
                reportId);
        if (stages.tryMove(reportId, ReportStatus.PAID, "bank", "paid " + amount + " won", ReportStatus.PAYOUT_PROCESSING)) {
            SettlementFlowService.Notice notice = payoutNotice(report, amount);
            notice.variables().put("paidAt", paidAt);
            notifications.publish(NotificationEvent.PAYOUT_COMPLETED, "payout-completed:" + reportId,
                    notice.contacts(), notice.variables());
        }
    }

    /** Operations fixed the account: a new attempt, with a new idempotency key. */
    @Transactional
    public void retry(long reportId, String actor) {
        jdbc.update("update settlement_payout set attempt = attempt + 1, status = 'APPROVED', updated_at = ? "
                + "where report_id = ? and status in ('FAILED', 'TRANSFERRING')", Timestamp.from(clock.instant()), reportId);
        stages.tryMove(reportId, ReportStatus.PAYOUT_PROCESSING, actor, "payout retried after a fix", ReportStatus.ON_HOLD);
    }

    /** Operations (or the approver) stopped the payout. */
    @Transactional
    public void hold(long reportId, String actor, String reason) {
        jdbc.update("update settlement_payout set status = 'ON_HOLD', updated_at = ? where report_id = ? "
                + "and status <> 'PAID'", Timestamp.from(clock.instant()), reportId);
        stages.tryMove(reportId, ReportStatus.ON_HOLD, actor, reason == null ? "payout on hold" : reason,
                ReportStatus.PAYOUT_PROCESSING);
    }

    static String idempotencyKey(long reportId, int attempt) {
        return "STL-" + reportId + "-" + attempt;
    }

    private void refuse(long reportId, String code, String message) {
        jdbc.update("update settlement_payout set status = 'FAILED', bank_response_code = ?, bank_message = ?, "
                + "updated_at = ? where report_id = ?", code, message, Timestamp.from(clock.instant()), reportId);
        ReportSnapshot report = flow.report(reportId);
        Map<String, Object> row = jdbc.queryForMap("select payout_amount, attempt from settlement_payout where report_id = ?",
                reportId);
        SettlementFlowService.Notice notice = payoutNotice(report, ((Number) row.get("payout_amount")).longValue());
        notice.variables().put("reason", code + " " + message);
        // the partner's own link to the report (an individual's bound to its group); the account itself is changed
        // by operations with a one-time code to the group's verification mobile, hence the number to call
        notice.variables().put("link", flow.portalLink(report, "settlementProcess"));
        notice.variables().put("supportContact", supportContact);
        notifications.publish(NotificationEvent.PAYOUT_FAILED, "payout-failed:" + reportId + ":" + code + ":"
                + row.get("attempt"), notice.contacts(), notice.variables());
        throw new PayoutRefusedException(code, message);
    }

    private PayoutAccounts.PayoutAccountForPayout account(ReportSnapshot report) {
        return accounts.unsealForPayout(report.groupId(), "settlementProcess", "payout:" + report.month() + ":" + report.id())
                .orElseThrow(() -> new PayoutRefusedException("NO_ACCOUNT", "the settlement group has no payout account"));
    }

    /** The notice with its payout lines: the amount, and the bank (by name) and masked account once the holder was checked. */
    private SettlementFlowService.Notice payoutNotice(ReportSnapshot report, long amount) {
        SettlementFlowService.Notice notice = flow.notice(report);
        Map<String, Object> variables = notice.variables();
        variables.put("amount", amount);
        Map<String, Object> account = jdbc.queryForList("select bank_code, account_masked from settlement_payout "
                + "where report_id = ?", report.id()).stream().findFirst().orElse(Map.of());
        String bankCode = (String) account.get("bank_code");
        variables.put("bankName", bankCode == null ? "-" : bankNames.nameOf(bankCode).orElse(bankCode));
        variables.put("maskedAccount", account.get("account_masked") == null ? "-" : account.get("account_masked"));
        return notice;
    }
}
