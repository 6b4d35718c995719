package io.billflow.settlement.application;

import java.time.YearMonth;
import java.util.Optional;

import io.billflow.settlement.api.SettlementDirectory;
import io.billflow.settlement.domain.SettlementGroup;
import io.billflow.settlement.domain.SettlementReport;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class JdbcSettlementDirectory implements SettlementDirectory {

    private final SettlementGroupRepository groups;
    private final SettlementReportRepository reports;
    private final SettlementReportService reportService;
    private final PayoutAccountStore accounts;

    JdbcSettlementDirectory(SettlementGroupRepository groups, SettlementReportRepository reports,
                            SettlementReportService reportService, PayoutAccountStore accounts) {
        this.groups = groups;
        this.reports = reports;
        this.reportService = reportService;
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<GroupSnapshot> group(long groupId) {
        return groups.findById(groupId).map(g -> new GroupSnapshot(g.id(), g.partnerId(), g.name(), g.media(),
                g.contacts().stream().map(c -> new Contact(c.name(), c.email(), c.mobile())).toList(),
                g.settlementDeadlineDay(), accounts.current(groupId).isPresent()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ReportSnapshot> report(long reportId) {
        return reports.findById(reportId).map(this::snapshot);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ReportSnapshot> report(long groupId, YearMonth month) {
        return reports.findByGroupAndMonth(groupId, month.atDay(1)).map(this::snapshot);
    }

    private ReportSnapshot snapshot(SettlementReport r) {
        SettlementGroup group = groups.findById(r.groupId()).orElseThrow();
        return new ReportSnapshot(r.id(), r.groupId(), r.partnerId(), r.month(), r.status().name(), r.vatRule().name(),
                r.supplyTotal(), r.vatTotal(), r.totalAmount(), r.revision(), reportService.deadline(group, r.month()),
                r.lines().stream().map(l -> new Line(l.media(), l.item(), l.supplyAmount(), l.vat(), l.total(),
                        l.adjustment())).toList());
    }
}
