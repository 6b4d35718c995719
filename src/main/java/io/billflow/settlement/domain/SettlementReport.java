package io.billflow.settlement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 정산리포트: one settlement group's settlement for one month — per medium the supply amount, VAT and total
 * (Kakao Harmony's "매체명 / 품목 / 공급가액 / 세액 / 합계" with the "지급그룹 합계" row). The totals are stored
 * and always equal the sums of the lines (checked here and by the database). An import replaces the lines
 * as long as the report has not been published.
 */
@Table("settlement_report")
public class SettlementReport {

    @Id
    private Long id;
    @Version
    private Integer version;
    private long groupId;
    private long partnerId;
    /** The first day of the settlement month (a {@code date} column, so months sort and range naturally). */
    private LocalDate settlementMonth;
    private ReportStatus status;
    private VatRule vatRule;
    private long supplyTotal;
    private long vatTotal;
    private long totalAmount;
    private int lineCount;
    /** 1 for the first import, +1 for every replacement. */
    private int revision;
    private String source;
    private Instant importedAt;
    private String importedBy;
    private Instant createdAt;
    private Instant updatedAt;
    @MappedCollection(idColumn = "report_id", keyColumn = "position")
    private List<ReportLine> lines = new ArrayList<>();

    protected SettlementReport() {
    }

    public static SettlementReport create(long groupId, long partnerId, YearMonth month, VatRule vatRule,
                                          ReportLineRules.Checked checked, String source, String actor, Instant now) {
        SettlementReport report = new SettlementReport();
        report.groupId = groupId;
        report.partnerId = partnerId;
        report.settlementMonth = month.atDay(1);
        report.status = ReportStatus.DRAFT;
        report.createdAt = now;
        report.revision = 0;
        report.apply(vatRule, checked, source, actor, now);
        return report;
    }

    /**
     * Replaces the lines with a new import. The status stays as it is (a report in review stays in review,
     * with a new revision for the reviewer to look at).
     *
     * @throws ReportFrozenException once the report is published
     */
    public void replace(VatRule vatRule, ReportLineRules.Checked checked, String source, String actor, Instant now) {
        if (!status.replaceable()) {
            throw new ReportFrozenException(this);
        }
        apply(vatRule, checked, source, actor, now);
    }

    private void apply(VatRule rule, ReportLineRules.Checked checked, String source, String actor, Instant now) {
        vatRule = rule;
        lines = new ArrayList<>(checked.lines());
        lineCount = lines.size();
        supplyTotal = checked.supplyTotal();
        vatTotal = checked.vatTotal();
        totalAmount = checked.total();
        revision++;
        this.source = source;
        importedAt = now;
        importedBy = actor;
        updatedAt = now;
    }

    public Long id() { return id; }
    public Integer version() { return version; }
    public long groupId() { return groupId; }
    public long partnerId() { return partnerId; }
    public YearMonth month() { return YearMonth.from(settlementMonth); }
    public ReportStatus status() { return status; }
    public VatRule vatRule() { return vatRule; }
    public long supplyTotal() { return supplyTotal; }
    public long vatTotal() { return vatTotal; }
    public long totalAmount() { return totalAmount; }
    public int lineCount() { return lineCount; }
    public int revision() { return revision; }
    public String source() { return source; }
    public Instant importedAt() { return importedAt; }
    public String importedBy() { return importedBy; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public List<ReportLine> lines() { return List.copyOf(lines); }

    /** The report is published (or further): its lines are what the partner was shown and stay as they are. */
    public static class ReportFrozenException extends RuntimeException {
        private final transient ReportStatus status;

        public ReportFrozenException(SettlementReport report) {
            super("The " + report.month() + " report of settlement group " + report.groupId() + " is "
                    + report.status() + "; a published report is never replaced (correct it with an adjustment "
                    + "next month)");
            this.status = report.status();
        }

        public ReportStatus status() {
            return status;
        }
    }
}
