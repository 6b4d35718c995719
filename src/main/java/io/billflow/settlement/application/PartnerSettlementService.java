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

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.billflow.notification.api.NotificationEvent;
import io.billflow.notification.api.Notifications;
import io.billflow.notification.api.Recipient;
import io.billflow.partner.api.PartnerDirectory;
import io.billflow.partner.api.PartnerSnapshot;
import io.billflow.platform.audit.AuditEntry;
import io.billflow.platform.audit.AuditLog;
import io.billflow.platform.throttle.SendLimits;
import io.billflow.platform.web.ResourceNotFoundException;
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

    static final Duration VALIDITY = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 5;
    /** SMS cost and nuisance: codes per report in 24 hours. */
    static final int MAX_CODES_PER_DAY = 10;
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
    private final VerificationCodes codes;
    private final Notifications notifications;
    private final AuditLog audit;
    private final Clock clock;
    private final SettlementBuyer buyer;

    private final SendLimits sendLimits;

    public PartnerSettlementService(JdbcTemplate jdbc, SettlementDirectory directory, SettlementGroupRepository groups,
                                    PartnerDirectory partners, SettlementFlowService flow, VerificationCodes codes,
                                    Notifications notifications, AuditLog audit, Clock clock, SettlementBuyer buyer,
                                    SendLimits sendLimits) {
        this.sendLimits = sendLimits;
        this.jdbc = jdbc;
        this.directory = directory;
        this.groups = groups;
        this.partners = partners;
        this.flow = flow;
        this.codes = codes;
        this.notifications = notifications;
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
        Instant now = now();
        Integer recent = jdbc.queryForObject("select count(*) from settlement_confirmation_code where report_id = ? "
                + "and requested_at > ?", Integer.class, reportId, Timestamp.from(now.minus(Duration.ofDays(1))));
        if (recent != null && recent >= MAX_CODES_PER_DAY) {
            throw new PartnerConfirmationRefusedException(TOO_MANY_CODES, "오늘 이 정산리포트로 보낼 수 있는 인증번호를 "
                    + "모두 보냈습니다. 운영팀에 문의해 주세요.");
        }
        jdbc.update("update settlement_confirmation_code set status = 'SUPERSEDED', decided_at = ?, decided_by = ? "
                + "where report_id = ? and status = 'PENDING'", Timestamp.from(now), actor, reportId);
        SettlementGroup group = groups.findById(report.groupId()).orElseThrow();
        sendLimits.beforeCode(group.verificationMobile(), actor);
        UUID id = UUID.randomUUID();
        String code = codes.newCode();
        String sentTo = Masking.mobile(group.verificationMobile());
        Instant expires = now.plus(VALIDITY);
        jdbc.update("insert into settlement_confirmation_code (id, report_id, code_hash, code_key_id, sent_to, status, "
                        + "requested_at, requested_by, expires_at) values (?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)",
                id, reportId, codes.hash(id, code), codes.currentKeyId(), sentTo, Timestamp.from(now), actor,
                Timestamp.from(expires));
        notifications.publish(NotificationEvent.VERIFICATION_CODE, "settlement-confirmation-code:" + reportId + ":" + id,
                List.of(new Recipient("settlement-group:" + group.id() + ":verification", group.name(), null,
                        List.of(), group.verificationMobile())),
                Map.of("code", code, "purpose", PURPOSE, "groupName", group.name(),
                        "validMinutes", (int) VALIDITY.toMinutes()));
        audit(actor, "SETTLEMENT_CONFIRMATION_CODE_SENT", reportId, "code " + id + " sent to " + sentTo);
        return new CodeSent(sentTo, expires);
    }

    @Override
    @Transactional(noRollbackFor = PartnerConfirmationRefusedException.class)
    public void confirm(long partnerId, long reportId, boolean dataChecked, LocalDate writeDate, String code,
                        String actor) {
        ReportSnapshot report = lockConfirmable(partnerId, reportId);
        checkInput(report, dataChecked, writeDate);
        String typed = code == null ? "" : code.strip();
        if (!codes.wellFormed(typed)) {
            throw new PartnerConfirmationRefusedException(CODE_FORMAT, "문자로 받은 인증번호 6자리 숫자를 입력해 주세요.");
        }
        List<CodeRow> newest = jdbc.query("select id, code_hash, code_key_id, status, failed_attempts, expires_at "
                + "from settlement_confirmation_code where report_id = ? order by requested_at desc limit 1 for update",
                (rs, n) -> new CodeRow(rs.getObject("id", UUID.class), rs.getBytes("code_hash"),
                        rs.getString("code_key_id"), rs.getString("status"), rs.getInt("failed_attempts"),
                        rs.getTimestamp("expires_at").toInstant()), reportId);
        if (newest.isEmpty()) {
            throw new PartnerConfirmationRefusedException(NO_CODE, "먼저 [인증번호 받기]를 눌러 인증번호를 받아 주세요.");
        }
        CodeRow row = newest.get(0);
        Instant now = now();
        if ("VOID".equals(row.status())) {
            throw voided();
        }
        if ("EXPIRED".equals(row.status()) || ("PENDING".equals(row.status()) && !now.isBefore(row.expiresAt()))) {
            if ("PENDING".equals(row.status())) {
                close(row.id(), "EXPIRED", now, actor);
                audit(actor, "SETTLEMENT_CONFIRMATION_CODE_EXPIRED", reportId, "code " + row.id());
            }
            throw new PartnerConfirmationRefusedException(CODE_EXPIRED, "인증번호의 유효시간(5분)이 지났습니다. "
                    + "[인증번호 받기]를 눌러 새 인증번호를 받아 주세요.", 0);
        }
        if (!"PENDING".equals(row.status())) {
            throw new PartnerConfirmationRefusedException(NO_CODE, "먼저 [인증번호 받기]를 눌러 인증번호를 받아 주세요.");
        }
        if (!codes.matches(row.id(), typed, row.codeHash(), row.codeKeyId())) {
            int failed = row.failedAttempts() + 1;
            boolean voided = failed >= MAX_ATTEMPTS;
            jdbc.update("update settlement_confirmation_code set failed_attempts = ?, status = ?, decided_at = ?, "
                    + "decided_by = ? where id = ?", failed, voided ? "VOID" : "PENDING",
                    voided ? Timestamp.from(now) : null, voided ? actor : null, row.id());
            audit(actor, voided ? "SETTLEMENT_CONFIRMATION_CODE_VOIDED" : "SETTLEMENT_CONFIRMATION_CODE_REJECTED",
                    reportId, "code " + row.id() + ": wrong code " + failed + " of " + MAX_ATTEMPTS);
            if (voided) {
                throw voided();
            }
            int remaining = MAX_ATTEMPTS - failed;
            throw new PartnerConfirmationRefusedException(WRONG_CODE, "인증번호가 일치하지 않습니다. 남은 입력 횟수: "
                    + remaining + "회", remaining);
        }
        close(row.id(), "CONFIRMED", now, actor);
        audit(actor, "SETTLEMENT_PARTNER_CONFIRMED", reportId, "code " + row.id() + " confirmed; write date " + writeDate);
        // checks the write date once more (on the clock of this very moment) and correlates the process message;
        // a refusal there rolls the confirmation of the code back with it
        flow.partnerConfirmed(reportId, writeDate, actor);
    }

    private static PartnerConfirmationRefusedException voided() {
        return new PartnerConfirmationRefusedException(CODE_VOID, "인증번호가 " + MAX_ATTEMPTS + "회 틀려 더 이상 "
                + "사용할 수 없습니다. [인증번호 받기]를 눌러 새 인증번호를 받아 주세요.", 0);
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
        Instant now = now();
        return jdbc.query("select sent_to, expires_at, failed_attempts from settlement_confirmation_code "
                        + "where report_id = ? and status = 'PENDING' and expires_at > ? order by requested_at desc limit 1",
                (rs, n) -> new PendingCode(rs.getString("sent_to"), rs.getTimestamp("expires_at").toInstant(),
                        MAX_ATTEMPTS - rs.getInt("failed_attempts")), reportId, Timestamp.from(now))
                .stream().findFirst();
    }

    private void close(UUID id, String status, Instant now, String actor) {
        jdbc.update("update settlement_confirmation_code set status = ?, decided_at = ?, decided_by = ? where id = ?",
                status, Timestamp.from(now), actor, id);
    }

    static Stage stage(String status, boolean confirmed) {
        return switch (ReportStatus.valueOf(status)) {
            // confirmed: the process writes the invoice in a moment (a job); the partner has done its part
            case PUBLISHED -> confirmed ? Stage.SIGNATURE_REQUESTED : Stage.REVERSE_ISSUE_REQUESTED;
            case SIGNATURE_REQUESTED -> Stage.SIGNATURE_REQUESTED;
            case PAYOUT_PROCESSING -> Stage.PAYOUT_PROCESSING;
            case PAID -> Stage.PAID;
            case ON_HOLD -> Stage.ON_HOLD;
            case CANCELLED -> Stage.CANCELLED;
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

    private record CodeRow(UUID id, byte[] codeHash, String codeKeyId, String status, int failedAttempts,
                           Instant expiresAt) {
    }
}
