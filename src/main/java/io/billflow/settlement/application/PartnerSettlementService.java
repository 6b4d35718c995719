package io.billflow.settlement.application;

import static io.billflow.settlement.api.PartnerConfirmationRefusedException.Reason.CODE_EXPIRED;
import static io.billflow.settlement.api.PartnerConfirmationRefusedException.Reason.CODE_FORMAT;
import static io.billflow.settlement.api.PartnerConfirmationRefusedException.Reason.CODE_VOID;
import static io.billflow.settlement.api.PartnerConfirmationRefusedException.Reason.DATA_NOT_CHECKED;
import static io.billflow.settlement.api.PartnerConfirmationRefusedException.Reason.DEADLINE_PASSED;
import static io.billflow.settlement.api.PartnerConfirmationRefusedException.Reason.NOT_CONFIRMABLE;
import static io.billflow.settlement.api.PartnerConfirmationRefusedException.Reason.NO_CODE;
import static io.billflow.settlement.api.PartnerConfirmationRefusedException.Reason.TOO_MANY_CODES;
import static io.billflow.settlement.api.PartnerConfirmationRefusedException.Reason.WRITE_DATE;
import static io.billflow.settlement.api.PartnerConfirmationRefusedException.Reason.WRONG_CODE;
import static io.billflow.settlement.application.GroupMobileCodes.PARTNER_CONFIRMATION;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.billflow.partner.api.PartnerDirectory;
import io.billflow.partner.api.PartnerSnapshot;
import io.billflow.platform.audit.AuditEntry;
import io.billflow.platform.audit.AuditLog;
import io.billflow.platform.onetimecode.CodeCheck;
import io.billflow.platform.onetimecode.CodeIssueRefusedException;
import io.billflow.platform.onetimecode.IssuedCode;
import io.billflow.platform.onetimecode.OneTimeCodes;
import io.billflow.platform.web.ResourceNotFoundException;
import io.billflow.settlement.api.SettlementStage;
import io.billflow.settlement.api.PartnerConfirmationRefusedException;
import io.billflow.settlement.api.PartnerSettlements;
import io.billflow.settlement.api.SettlementDirectory;
import io.billflow.settlement.api.SettlementDirectory.ReportSnapshot;
import io.billflow.settlement.domain.Masking;
import io.billflow.settlement.domain.ReportStatus;
import io.billflow.settlement.domain.SettlementGroup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partner's settlement pages: its own reports from publication on, the preview of the reverse invoice
 * and the confirmation with a one-time code (관리자 추가인증, like a payout account change: six digits by SMS
 * to the group's verification mobile, valid 5 minutes, 5 tries, only a keyed hash stored). A right code
 * hands over to {@link SettlementFlowService#partnerConfirmed}, which checks the write date again and moves
 * the process on.
 */
@Service
class PartnerSettlementService implements PartnerSettlements {

    static final String PURPOSE = "세금계산서 역발행 신청";

    /** What a partner may see: nothing before publication (a draft or a returned report is not its business). */
    private static final Set<String> VISIBLE = Set.of(ReportStatus.PUBLISHED.name(),
            ReportStatus.SIGNATURE_REQUESTED.name(), ReportStatus.PAYOUT_PROCESSING.name(), ReportStatus.PAID.name(),
            ReportStatus.ON_HOLD.name(), ReportStatus.CANCELLED.name());

    private final JdbcTemplate jdbc;
    private final SettlementDirectory directory;
    private final SettlementGroupRepository groups;
    private final PartnerDirectory partners;
    private final SettlementFlowService flow;
    private final GroupMobileCodes mobileCodes;
    private final OneTimeCodes codes;
    private final AuditLog audit;
    private final Clock clock;
    private final SettlementBuyer buyer;

    public PartnerSettlementService(JdbcTemplate jdbc, SettlementDirectory directory, SettlementGroupRepository groups,
                                    PartnerDirectory partners, SettlementFlowService flow, GroupMobileCodes mobileCodes,
                                    OneTimeCodes codes, AuditLog audit, Clock clock, SettlementBuyer buyer) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.groups = groups;
        this.partners = partners;
        this.flow = flow;
        this.mobileCodes = mobileCodes;
        this.codes = codes;
        this.audit = audit;
        this.clock = clock;
        this.buyer = buyer;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Summary> reports(long partnerId) {
        return jdbc.query("select r.id, r.settlement_month, g.name, r.supply_total, r.vat_total, r.total_amount, "
                        + "r.status, r.confirmed_at, r.deadline from settlement_report r "
                        + "join settlement_group g on g.id = r.group_id where r.partner_id = ? and r.status in ("
                        + VISIBLE.stream().map(v -> "'" + v + "'").sorted().collect(java.util.stream.Collectors.joining(", "))
                        + ") "
                        + "order by r.settlement_month desc, g.name, r.id",
                (rs, n) -> new Summary(rs.getLong("id"),
                        YearMonth.from(rs.getObject("settlement_month", LocalDate.class)), rs.getString("name"),
                        rs.getLong("supply_total"), rs.getLong("vat_total"), rs.getLong("total_amount"),
                        stage(rs.getString("status"), rs.getTimestamp("confirmed_at") != null),
                        rs.getObject("deadline", LocalDate.class)),
                partnerId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Detail> report(long partnerId, long reportId) {
        Optional<ReportSnapshot> found = visible(partnerId, reportId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ReportSnapshot report = found.get();
        SettlementGroup group = groups.findById(report.groupId()).orElseThrow();
        Map<String, Object> row = jdbc.queryForMap("select confirmed_at, write_date, invoice_id, deadline "
                + "from settlement_report where id = ?", reportId);
        Instant confirmedAt = row.get("confirmed_at") == null ? null : ((Timestamp) row.get("confirmed_at")).toInstant();
        LocalDate writeDate = row.get("write_date") == null ? null : ((java.sql.Date) row.get("write_date")).toLocalDate();
        Long invoiceId = row.get("invoice_id") == null ? null : ((Number) row.get("invoice_id")).longValue();
        LocalDate deadline = row.get("deadline") == null ? report.deadline()
                : ((java.sql.Date) row.get("deadline")).toLocalDate();
        boolean waiting = ReportStatus.PUBLISHED.name().equals(report.status()) && confirmedAt == null;
        boolean pastDeadline = waiting && pastDeadline(deadline);
        boolean confirmable = waiting && !pastDeadline;
        PartnerSnapshot supplier = partners.partner(partnerId).orElseThrow();
        return Optional.of(new Detail(report.id(), report.month(), group.name(),
                stage(report.status(), confirmedAt != null), deadline, report.supplyTotal(), report.vatTotal(),
                report.totalAmount(), report.lines(), supplier, buyer.id().flatMap(partners::buyerCompany),
                group.contacts().stream().map(c -> new SettlementDirectory.Contact(c.name(), c.email(), c.mobile()))
                        .toList(),
                Masking.mobile(group.verificationMobile()), preview(report), confirmable, pastDeadline, writeDate,
                confirmedAt,
                invoiceId, confirmable ? pendingCode(reportId).orElse(null) : null));
    }

    @Override
    @Transactional
    public CodeSent sendConfirmationCode(long partnerId, long reportId, boolean dataChecked, LocalDate writeDate,
                                         String actor) {
        ReportSnapshot report = lockConfirmable(partnerId, reportId);
        checkInput(report, dataChecked, writeDate);
        SettlementGroup group = groups.findById(report.groupId()).orElseThrow();
        String challenge = GroupMobileCodes.confirmationChallenge(reportId);
        try {
            IssuedCode issued = mobileCodes.send(PARTNER_CONFIRMATION, group, challenge, challenge,
                    "settlement_report", String.valueOf(reportId), PURPOSE,
                    "settlement-confirmation-code:" + reportId + ":", actor);
            return new CodeSent(issued.sentTo(), issued.expiresAt());
        } catch (CodeIssueRefusedException e) {
            // per-code counting: a challenge is never locked for new codes, only the day's codes run out
            throw new PartnerConfirmationRefusedException(TOO_MANY_CODES, "오늘 이 정산리포트로 보낼 수 있는 인증번호를 "
                    + "모두 보냈습니다. 운영팀에 문의해 주세요.");
        }
    }

    @Override
    @Transactional(noRollbackFor = PartnerConfirmationRefusedException.class)
    public void confirm(long partnerId, long reportId, boolean dataChecked, LocalDate writeDate, String code,
                        String actor) {
        ReportSnapshot report = lockConfirmable(partnerId, reportId);
        checkInput(report, dataChecked, writeDate);
        if (!OneTimeCodes.wellFormed(code)) {
            throw new PartnerConfirmationRefusedException(CODE_FORMAT, "문자로 받은 인증번호 6자리 숫자를 입력해 주세요.");
        }
        CodeCheck check = codes.check(PARTNER_CONFIRMATION, GroupMobileCodes.confirmationChallenge(reportId), code,
                actor);
        switch (check.verdict()) {
            case ACCEPTED -> { }
            case LOCKED -> throw voided();
            case MALFORMED -> throw new PartnerConfirmationRefusedException(CODE_FORMAT,
                    "문자로 받은 인증번호 6자리 숫자를 입력해 주세요.");
            case NO_CODE -> throw new PartnerConfirmationRefusedException(NO_CODE,
                    "먼저 [인증번호 받기]를 눌러 인증번호를 받아 주세요.");
            case EXPIRED -> throw new PartnerConfirmationRefusedException(CODE_EXPIRED, "인증번호의 유효시간("
                    + PARTNER_CONFIRMATION.validMinutes() + "분)이 지났습니다. [인증번호 받기]를 눌러 새 인증번호를 "
                    + "받아 주세요.", 0);
            case WRONG -> throw new PartnerConfirmationRefusedException(WRONG_CODE, "인증번호가 일치하지 않습니다. "
                    + "남은 입력 횟수: " + check.remainingTries() + "회", check.remainingTries());
        }
        audit(actor, "SETTLEMENT_PARTNER_CONFIRMED", reportId, "code " + check.codeId() + " confirmed; write date "
                + writeDate);
        // checks the write date once more (on the clock of this very moment) and correlates the process message;
        // a refusal there rolls the use of the code back with it
        flow.partnerConfirmed(reportId, writeDate, actor);
    }

    private static PartnerConfirmationRefusedException voided() {
        return new PartnerConfirmationRefusedException(CODE_VOID, "인증번호가 " + PARTNER_CONFIRMATION.maxWrongTries()
                + "회 틀려 더 이상 사용할 수 없습니다. [인증번호 받기]를 눌러 새 인증번호를 받아 주세요.", 0);
    }

    /** The report of this partner, locked, still waiting for its confirmation. */
    private ReportSnapshot lockConfirmable(long partnerId, long reportId) {
        ReportSnapshot report = visible(partnerId, reportId)
                .orElseThrow(() -> new ResourceNotFoundException("No settlement report " + reportId));
        Map<String, Object> row = jdbc.queryForMap("select status, confirmed_at, deadline from settlement_report "
                + "where id = ? for update", reportId);
        if (!ReportStatus.PUBLISHED.name().equals(row.get("status")) || row.get("confirmed_at") != null) {
            throw new PartnerConfirmationRefusedException(NOT_CONFIRMABLE, "이미 역발행을 신청했거나 지금은 신청할 수 "
                    + "없는 정산리포트입니다.");
        }
        LocalDate deadline = row.get("deadline") == null ? report.deadline()
                : ((java.sql.Date) row.get("deadline")).toLocalDate();
        if (pastDeadline(deadline)) {
            // the process stopped waiting at the end of the deadline day (operations extend it or cancel)
            throw new PartnerConfirmationRefusedException(DEADLINE_PASSED, "정산 기한(" + deadline + ")이 지났습니다. "
                    + "기한 연장은 운영팀에 문의해 주세요.");
        }
        return report;
    }

    /** The same rules as {@link SettlementFlowService#partnerConfirmed}, said to the partner in Korean. */
    private void checkInput(ReportSnapshot report, boolean dataChecked, LocalDate writeDate) {
        if (!dataChecked) {
            throw new PartnerConfirmationRefusedException(DATA_NOT_CHECKED,
                    "회사 정보와 담당자 정보를 확인한 뒤 '회사 정보와 담당자 정보를 확인했습니다'에 체크해 주세요.");
        }
        LocalDate today = LocalDate.now(clock);
        if (writeDate == null) {
            throw new PartnerConfirmationRefusedException(WRITE_DATE, "작성일자를 입력해 주세요. (예: " + today + ")");
        }
        if (writeDate.isAfter(today)) {
            throw new PartnerConfirmationRefusedException(WRITE_DATE,
                    "작성일자는 미래 날짜로 할 수 없습니다. 오늘(" + today + ") 또는 그 이전 날짜를 입력해 주세요.");
        }
        LocalDate first = report.month().atDay(1);
        if (writeDate.isBefore(first)) {
            throw new PartnerConfirmationRefusedException(WRITE_DATE,
                    "작성일자는 정산 월(" + report.month() + ")보다 앞설 수 없습니다. " + first + " 이후 날짜를 입력해 주세요.");
        }
    }

    /** The process's deadline timer fires at the end of the deadline day in Seoul ({@code deadlineAt}). */
    private boolean pastDeadline(LocalDate deadline) {
        return deadline != null && LocalDate.now(clock).isAfter(deadline);
    }

    private Optional<ReportSnapshot> visible(long partnerId, long reportId) {
        return directory.report(reportId).filter(r -> r.partnerId() == partnerId && VISIBLE.contains(r.status()));
    }

    private Optional<PendingCode> pendingCode(long reportId) {
        return codes.pending(PARTNER_CONFIRMATION, GroupMobileCodes.confirmationChallenge(reportId))
                .map(c -> new PendingCode(c.sentTo(), c.expiresAt(), c.remainingTries()));
    }

    static SettlementStage stage(String status, boolean confirmed) {
        return switch (ReportStatus.valueOf(status)) {
            // confirmed: the process writes the invoice in a moment (a job); the partner has done its part
            case PUBLISHED -> confirmed ? SettlementStage.SIGNATURE_REQUESTED : SettlementStage.REVERSE_ISSUE_REQUESTED;
            case SIGNATURE_REQUESTED -> SettlementStage.SIGNATURE_REQUESTED;
            case PAYOUT_PROCESSING -> SettlementStage.PAYOUT_PROCESSING;
            case PAID -> SettlementStage.PAID;
            case ON_HOLD -> SettlementStage.ON_HOLD;
            case CANCELLED -> SettlementStage.CANCELLED;
            default -> throw new IllegalArgumentException("not shown to partners: " + status);
        };
    }

    /**
     * The invoice {@link SettlementFlowService#requestReverseInvoice} writes — it is built from this preview: the
     * management key, remark, amounts and items (one per line; one summary line when there are adjustments or
     * more than 99 lines). SettlementPortalTest compares it with the invoice written.
     */
    static InvoicePreview preview(ReportSnapshot report) {
        List<SettlementDirectory.Line> lines = report.lines();
        boolean summary = lines.size() > SettlementFlowService.MAX_INVOICE_LINES
                || lines.stream().anyMatch(SettlementDirectory.Line::adjustment);
        List<PreviewItem> items = new ArrayList<>();
        if (summary) {
            items.add(new PreviewItem(1, lines.get(0).item() + (lines.size() > 1 ? " 외 " + (lines.size() - 1) + "건" : ""),
                    lines.size(), report.supplyTotal(), report.vatTotal(), lines.get(0).media()));
        } else {
            int serial = 1;
            for (SettlementDirectory.Line line : lines) {
                items.add(new PreviewItem(serial++, line.item(), null, line.supplyAmount(), line.vat(), line.media()));
            }
        }
        return new InvoicePreview("STL-" + report.id(), report.month().getYear() + "년 " + report.month().getMonthValue()
                + "월 정산", report.supplyTotal(), report.vatTotal(), report.totalAmount(), items, summary);
    }

    private void audit(String actor, String action, long reportId, String detail) {
        audit.save(AuditEntry.of(now(), actor, action, "settlement_report", String.valueOf(reportId), detail));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
