package io.billflow.settlement.application;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.billflow.invoice.api.ChargeDirection;
import io.billflow.invoice.api.InvoiceContent;
import io.billflow.invoice.api.PurposeType;
import io.billflow.invoice.api.TaxInvoiceDetail;
import io.billflow.invoice.api.TaxType;
import io.billflow.invoice.api.InvoiceRequests;
import io.billflow.invoice.api.InvoiceState;
import io.billflow.notification.api.NotificationEvent;
import io.billflow.notification.api.Notifications;
import io.billflow.notification.api.PortalLinks;
import io.billflow.notification.api.Recipient;
import io.billflow.platform.web.InvalidInputException;
import io.billflow.platform.web.ResourceNotFoundException;
import io.billflow.settlement.api.SettlementDirectory;
import io.billflow.settlement.api.SettlementDirectory.ReportSnapshot;
import io.billflow.settlement.domain.ReportStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The settlement use cases up to the reverse invoice: review, return, publication, the partner's
 * confirmation (with its write date) and the invoice made from the report. Each step is safe to repeat:
 * a retried job finds the report already moved and does nothing twice.
 */
@Service
public class SettlementFlowService {

    /** NTS allows 99 item lines; larger reports go on one summary line. */
    static final int MAX_INVOICE_LINES = 99;

    private final JdbcTemplate jdbc;
    private final SettlementDirectory directory;
    private final ReportStages stages;
    private final InvoiceRequests invoices;
    private final Notifications notifications;
    private final SettlementProcessPort process;
    private final Clock clock;
    private final SettlementBuyer buyer;
    private final PortalLinks portalLinks;

    public SettlementFlowService(JdbcTemplate jdbc, SettlementDirectory directory, ReportStages stages,
                                 InvoiceRequests invoices, Notifications notifications, SettlementProcessPort process,
                                 Clock clock, SettlementBuyer buyer, PortalLinks portalLinks) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.stages = stages;
        this.invoices = invoices;
        this.notifications = notifications;
        this.process = process;
        this.clock = clock;
        this.buyer = buyer;
        this.portalLinks = portalLinks;
    }

    /** A draft goes to review (the process starts); a returned report comes back to the same review. */
    @Transactional
    public void submitForReview(long reportId, String actor) {
        if (status(reportId) == ReportStatus.RETURNED) {
            stages.move(reportId, ReportStatus.IN_REVIEW, actor, "resubmitted for review", ReportStatus.RETURNED);
            process.resubmitted(reportId);
        } else {
            stages.move(reportId, ReportStatus.IN_REVIEW, actor, "submitted for review", ReportStatus.DRAFT);
            process.submitted(reportId);
        }
    }

    /** The reviewer sent it back: the importer corrects it and submits it again. */
    @Transactional
    public void returnReport(long reportId, String reviewer, String comment) {
        if (stages.tryMove(reportId, ReportStatus.RETURNED, reviewer, comment, ReportStatus.IN_REVIEW)) {
            jdbc.update("update settlement_report set review_comment = ?, reviewed_by = ?, reviewed_at = ? where id = ?",
                    comment, reviewer, Timestamp.from(clock.instant()), reportId);
        }
    }

    /** Approved: shown to the partner, who is told by mail (and KakaoTalk where set up). */
    @Transactional
    public void publish(long reportId, String reviewer) {
        ReportSnapshot report = report(reportId);
        if (!stages.tryMove(reportId, ReportStatus.PUBLISHED, reviewer, "approved and published", ReportStatus.IN_REVIEW)) {
            return;
        }
        Instant now = clock.instant();
        jdbc.update("update settlement_report set reviewed_by = ?, reviewed_at = ?, published_at = ?, deadline = ? "
                + "where id = ?", reviewer, Timestamp.from(now), Timestamp.from(now), Date.valueOf(report.deadline()), reportId);
        Notice notice = notice(report);
        Map<String, Object> variables = notice.variables();
        variables.put("supplyAmount", report.supplyTotal());
        variables.put("taxAmount", report.vatTotal());
        variables.put("totalAmount", report.totalAmount());
        variables.put("individual", "NONE".equals(report.vatRule()));
        // a portal link of its own: a business proves its business number (→ /portal/settlements), an individual a
        // code to the group's verification mobile (→ that group's reports, read only)
        variables.put("link", portalLink(report, reviewer));
        notifications.publish(NotificationEvent.SETTLEMENT_REPORT_PUBLISHED, "settlement-published:" + reportId,
                notice.contacts(), variables);
    }

    /** An individual gets no tax invoice: the report goes straight to payout. */
    public boolean individual(long reportId) {
        return individual(report(reportId));
    }

    static boolean individual(ReportSnapshot report) {
        return "NONE".equals(report.vatRule());
    }

    /** The deadline as the process's timer reads it: the end of the deadline day in Seoul. */
    public java.util.Date deadlineAt(long reportId) {
        return endOf(report(reportId).deadline());
    }

    /** Operations gave the partner more time: the new deadline, {@code days} from today. */
    @Transactional
    public java.util.Date extendDeadline(long reportId, int days, String actor) {
        LocalDate deadline = LocalDate.now(clock).plusDays(days);
        jdbc.update("update settlement_report set deadline = ? where id = ?", Date.valueOf(deadline), reportId);
        jdbc.update("insert into settlement_report_history (report_id, occurred_at, actor, from_status, to_status, memo) "
                + "select id, ?, ?, status, status, ? from settlement_report where id = ?",
                Timestamp.from(clock.instant()), actor, "deadline extended to " + deadline, reportId);
        return endOf(deadline);
    }

    /** The first instant after {@code day} in the business zone: a deadline timer fires when the day is over. */
    private java.util.Date endOf(LocalDate day) {
        return java.util.Date.from(day.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
    }

    /** A reminder before the deadline (once a day at most: the key carries the date). */
    @Transactional
    public void remind(long reportId) {
        ReportSnapshot report = report(reportId);
        if (ReportStatus.valueOf(report.status()) != ReportStatus.PUBLISHED) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        Notice notice = notice(report);
        Map<String, Object> variables = notice.variables();
        variables.put("totalAmount", report.totalAmount());
        variables.put("deadline", report.deadline());
        variables.put("daysLeft", Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(today, report.deadline())));
        variables.put("link", portalLink(report, "settlementProcess"));
        notifications.publish(NotificationEvent.SETTLEMENT_DEADLINE_APPROACHING,
                "settlement-reminder:" + reportId + ":" + today, notice.contacts(), variables);
    }

    /**
     * The partner checked its company and contact data, previewed the invoice and confirmed it with a
     * one-time code, choosing the write date: never in the future, never before the settlement month.
     */
    @Transactional
    public void partnerConfirmed(long reportId, LocalDate writeDate, String actor) {
        ReportSnapshot report = report(reportId);
        LocalDate today = LocalDate.now(clock);
        if (writeDate == null) {
            throw new InvalidInputException("writeDate", "required (yyyy-MM-dd)");
        }
        if (writeDate.isAfter(today)) {
            throw new InvalidInputException("writeDate", "must not be in the future (today is " + today + ")");
        }
        if (writeDate.isBefore(report.month().atDay(1))) {
            throw new InvalidInputException("writeDate", "must not be before the settlement month " + report.month());
        }
        if (ReportStatus.valueOf(report.status()) != ReportStatus.PUBLISHED) {
            throw new io.billflow.platform.web.ConflictException("status", "the report is " + report.status()
                    + "; only a published report can be confirmed");
        }
        jdbc.update("update settlement_report set write_date = ?, confirmed_at = ?, confirmed_by = ? where id = ?",
                Date.valueOf(writeDate), Timestamp.from(clock.instant()), actor, reportId);
        process.partnerConfirmed(reportId);
    }

    /**
     * The reverse invoice for the report, requested from the partner (who signs it in the portal); the
     * report's lines become the items, so the invoice's amounts are the report's. Returns the invoice id;
     * a repeated call returns the same invoice.
     */
    @Transactional
    public long requestReverseInvoice(long reportId) {
        List<Long> existing = jdbc.queryForList("select invoice_id from settlement_report where id = ? "
                + "and invoice_id is not null", Long.class, reportId);
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        ReportSnapshot report = report(reportId);
        LocalDate writeDate = jdbc.queryForObject("select write_date from settlement_report where id = ?",
                LocalDate.class, reportId);
        InvoiceContent content = invoiceContent(buyer.required(), report, writeDate);
        long invoiceId = invoices.draftAndRequest(content, "settlement", "settlement report " + reportId);
        jdbc.update("update settlement_report set invoice_id = ? where id = ?", invoiceId, reportId);
        stages.move(reportId, ReportStatus.SIGNATURE_REQUESTED, "settlement", "reverse invoice " + invoiceId + " requested",
                ReportStatus.PUBLISHED);
        return invoiceId;
    }

    /** True when the invoice reached NTS (304); the payout follows only then. */
    public boolean invoiceTransmitted(long invoiceId) {
        return invoices.state(invoiceId).filter(s -> s == InvoiceState.TRANSMITTED).isPresent();
    }

    /** Ended without payout (the invoice was refused or withdrawn, or operations cancelled it). */
    @Transactional
    public void cancel(long reportId, String actor, String reason) {
        stages.tryMove(reportId, ReportStatus.CANCELLED, actor, reason, ReportStatus.PUBLISHED,
                ReportStatus.SIGNATURE_REQUESTED, ReportStatus.PAYOUT_PROCESSING);
    }

    /**
     * A fresh single-purpose portal link for the partner (each notice its own, so none outlives the wait); an
     * individual's is bound to the report's group, whose verification mobile proves who opens it.
     */
    io.billflow.notification.api.SecretValue portalLink(ReportSnapshot report, String issuedBy) {
        return "NONE".equals(report.vatRule())
                ? portalLinks.newIndividualLink(report.groupId(), PortalLinks.SETTLEMENT, issuedBy)
                : portalLinks.newLink(report.partnerId(), PortalLinks.SETTLEMENT, issuedBy);
    }

    /** Whom a notice about a report goes to, and the values every such notice shows. */
    record Notice(List<Recipient> contacts, Map<String, Object> variables) {
    }

    /** The notice's recipients and common values, from one read of the group. */
    Notice notice(ReportSnapshot report) {
        SettlementDirectory.GroupSnapshot group = directory.group(report.groupId()).orElseThrow();
        return new Notice(contacts(report, group), variables(report, group));
    }

    private static List<Recipient> contacts(ReportSnapshot report, SettlementDirectory.GroupSnapshot group) {
        List<Recipient> recipients = new ArrayList<>();
        for (SettlementDirectory.Contact contact : group.contacts()) {
            recipients.add(Recipient.partner(report.partnerId(), contact.name(), contact.email(), List.of(),
                    contact.mobile()));
        }
        return recipients;
    }

    private Map<String, Object> variables(ReportSnapshot report, SettlementDirectory.GroupSnapshot group) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("partnerName", jdbc.queryForObject("select corp_name from settlement_partner where partner_id = ?", String.class,
                report.partnerId()));
        variables.put("settlementMonth", report.month());
        variables.put("groupName", group.name());
        return variables;
    }

    /** Only the stage, where the lines and the group are not needed. */
    private ReportStatus status(long reportId) {
        return jdbc.queryForList("select status from settlement_report where id = ?", String.class, reportId).stream()
                .findFirst().map(ReportStatus::valueOf)
                .orElseThrow(() -> new ResourceNotFoundException("settlement report " + reportId + " not found"));
    }

    ReportSnapshot report(long reportId) {
        return directory.report(reportId).orElseThrow(() -> new ResourceNotFoundException("settlement report " + reportId + " not found"));
    }

    /** The reverse invoice a report becomes: the partner supplies, the platform operator buys, the report's amounts. */
    static InvoiceContent invoiceContent(long buyerCompanyId, ReportSnapshot report, LocalDate writeDate) {
        return new InvoiceContent(buyerCompanyId, report.partnerId(), "STL-" + report.id(), null,
                writeDate, TaxType.TAXABLE, PurposeType.CHARGE, ChargeDirection.SUPPLIER_PAYS, report.supplyTotal(),
                report.vatTotal(), report.totalAmount(), null, null, null, null,
                report.month().getYear() + "년 " + report.month().getMonthValue() + "월 정산", null, null, null, null,
                null, false, null, null, items(report, writeDate));
    }

    /** The items of the preview the partner saw, dated on the write date. */
    private static List<TaxInvoiceDetail> items(ReportSnapshot report, LocalDate writeDate) {
        return PartnerSettlementService.preview(report).items().stream()
                .map(item -> new TaxInvoiceDetail(item.serial(), writeDate, item.itemName(), null,
                        item.quantity() == null ? null : java.math.BigDecimal.valueOf(item.quantity()), null,
                        item.supplyCost(), item.tax(), item.remark()))
                .toList();
    }
}
