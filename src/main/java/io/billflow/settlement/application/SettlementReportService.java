package io.billflow.settlement.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.billflow.calendar.api.BusinessCalendar;
import io.billflow.partner.api.PartnerDirectory;
import io.billflow.partner.api.PartnerSnapshot;
import io.billflow.platform.audit.AuditEntry;
import io.billflow.platform.audit.AuditLog;
import io.billflow.platform.web.ConflictException;
import io.billflow.platform.web.FieldViolation;
import io.billflow.platform.web.InvalidInputException;
import io.billflow.platform.web.ResourceNotFoundException;
import io.billflow.settlement.domain.ReportLineInput;
import io.billflow.settlement.domain.ReportLineRules;
import io.billflow.settlement.domain.SettlementGroup;
import io.billflow.settlement.domain.SettlementReport;
import io.billflow.settlement.domain.VatRule;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports monthly reports, all or nothing: every line is checked before anything is written, and a bad line
 * leaves the stored report exactly as it was. Importing a month again replaces its lines until the report
 * is published.
 */
@Service
public class SettlementReportService {

    /** The result of an import: the stored report, and whether it is new (201) or replaced a draft (200). */
    public record Imported(SettlementReport report, boolean created) {
    }

    private final SettlementReportRepository reports;
    private final SettlementGroupRepository groups;
    private final PartnerDirectory partners;
    private final BusinessCalendar calendar;
    private final AuditLog audit;
    private final Clock clock;

    public SettlementReportService(SettlementReportRepository reports, SettlementGroupRepository groups,
                                   PartnerDirectory partners, BusinessCalendar calendar, AuditLog audit, Clock clock) {
        this.reports = reports;
        this.groups = groups;
        this.partners = partners;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    /** @param source where the lines came from, for the record ({@code JSON}, {@code CSV october.csv}) */
    @Transactional
    public Imported importLines(long groupId, YearMonth month, List<ReportLineInput> lines, String source,
                                String actor) {
        SettlementGroup group = groups.findById(groupId)
                .orElseThrow(() -> new ResourceNotFoundException("No settlement group " + groupId));
        if (month.isAfter(YearMonth.now(clock))) {
            throw new InvalidInputException(List.of(new FieldViolation("month", "has not begun yet; a report "
                    + "settles a month that has started", month.toString())));
        }
        SettlementReport existing = reports.findByGroupAndMonthForUpdate(groupId, month.atDay(1)).orElse(null);
        if (existing != null && !existing.status().replaceable()) {
            throw new SettlementReport.ReportFrozenException(existing);
        }
        PartnerSnapshot partner = partners.partner(group.partnerId())
                .orElseThrow(() -> new IllegalStateException("settlement group " + groupId + " has no partner"));
        VatRule vatRule = VatRule.forPartner(partner.individual());
        ReportLineRules.Outcome outcome = ReportLineRules.check(lines, group, vatRule);
        if (!outcome.valid()) {
            throw new InvalidInputException(outcome.violations());
        }
        Instant importedAt = now();
        if (existing != null) {
            existing.replace(vatRule, outcome.checked(), source, actor, importedAt);
            SettlementReport saved = reports.save(existing);
            audit(actor, "SETTLEMENT_REPORT_REPLACED", saved);
            return new Imported(saved, false);
        }
        try {
            SettlementReport saved = reports.save(SettlementReport.create(groupId, group.partnerId(), month, vatRule,
                    outcome.checked(), source, actor, importedAt));
            audit(actor, "SETTLEMENT_REPORT_IMPORTED", saved);
            return new Imported(saved, true);
        } catch (DuplicateKeyException race) {
            throw new ConflictException("month", "The " + month + " report of settlement group " + groupId
                    + " was imported at the same moment by someone else; reload and retry");
        }
    }

    @Transactional(readOnly = true)
    public SettlementReport get(long groupId, YearMonth month) {
        return reports.findByGroupAndMonth(groupId, month.atDay(1)).orElseThrow(() -> new ResourceNotFoundException(
                "Settlement group " + groupId + " has no report for " + month));
    }

    @Transactional(readOnly = true)
    public List<SettlementReport> ofGroup(long groupId) {
        if (!groups.existsById(groupId)) {
            throw new ResourceNotFoundException("No settlement group " + groupId);
        }
        return reports.findByGroup(groupId);
    }

    /**
     * The settlement deadline of a report: the group's day in the following month, moved to the next business
     * day when it falls on a weekend or holiday (as the invoice's 발급기한 is).
     */
    public LocalDate deadline(SettlementGroup group, YearMonth month) {
        return calendar.onOrAfter(group.nominalDeadline(month));
    }

    private void audit(String actor, String action, SettlementReport report) {
        audit.save(AuditEntry.of(now(), actor, action, "settlement_report", String.valueOf(report.id()),
                "group " + report.groupId() + " " + report.month() + " revision " + report.revision() + ": "
                        + report.lineCount() + " lines, supply " + report.supplyTotal() + ", VAT " + report.vatTotal()
                        + ", total " + report.totalAmount() + " won (" + report.source() + ")"));
    }

    /** PostgreSQL keeps microseconds: what is answered now equals what is read back later. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
