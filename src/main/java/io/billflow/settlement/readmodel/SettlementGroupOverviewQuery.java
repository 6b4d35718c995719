package io.billflow.settlement.readmodel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.billflow.partner.api.PartnerDirectory;
import io.billflow.partner.api.PartnerSnapshot;
import io.billflow.platform.web.ResourceNotFoundException;
import io.billflow.settlement.application.SettlementGroupRepository;
import io.billflow.settlement.domain.ReportStatus;
import io.billflow.settlement.domain.SettlementGroup;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The group drill-down: the group with its (masked) payout account, and its reports by month with stage,
 * amounts, payout and every status change ({@code settlement_report_history}, oldest first).
 */
@Component
public class SettlementGroupOverviewQuery {

    public record GroupOverview(long id, String name, long partnerId, String partnerName, String payeeType,
                                String payeeLabel, List<String> media, int settlementDeadlineDay, MaskedAccount payoutAccount,
                                List<ReportOverview> reports) {
    }

    /** One month of the group; {@code history} in the order it happened. */
    public record ReportOverview(long id, String month, ReportStatus status, String stage, LocalDate deadline,
                                 boolean overdue, int lineCount, long supplyTotal, long vatTotal, long totalAmount,
                                 int revision, Instant publishedAt, Instant confirmedAt, LocalDate writeDate,
                                 Long invoiceId, String invoiceApprovalNumber, PaymentView payout,
                                 List<StageChange> history) {
    }

    private final SettlementGroupRepository groups;
    private final PartnerDirectory partners;
    private final ReportReader reader;

    public SettlementGroupOverviewQuery(SettlementGroupRepository groups, PartnerDirectory partners,
                                        ReportReader reader) {
        this.groups = groups;
        this.partners = partners;
        this.reader = reader;
    }

    @Transactional(readOnly = true)
    public GroupOverview overview(long groupId) {
        SettlementGroup group = groups.findById(groupId)
                .orElseThrow(() -> new ResourceNotFoundException("No settlement group " + groupId));
        PartnerSnapshot partner = partners.partner(group.partnerId()).orElse(null);
        List<ReportReader.ReportFacts> facts = reader.ofGroup(groupId);
        Map<Long, List<StageChange>> history = new LinkedHashMap<>();
        reader.history(facts.stream().map(ReportReader.ReportFacts::id).toList())
                .forEach(h -> history.computeIfAbsent(h.reportId(), id -> new ArrayList<>()).add(h.change()));
        List<ReportOverview> reports = facts.stream().map(f -> new ReportOverview(f.id(), f.month().toString(),
                f.status(), f.stage(), f.deadline(), f.overdue(), f.lineCount(), f.supplyTotal(), f.vatTotal(),
                f.totalAmount(), f.revision(), f.publishedAt(), f.confirmedAt(), f.writeDate(), f.invoiceId(),
                f.invoiceApprovalNumber(), f.payment(), List.copyOf(history.getOrDefault(f.id(), List.of()))))
                .toList();
        String payeeType = partner != null && partner.individual() ? "INDIVIDUAL" : "BUSINESS";
        return new GroupOverview(group.id(), group.name(), group.partnerId(),
                partner == null ? null : partner.corpName(), payeeType, StageLabels.ofPayee(payeeType), group.media(),
                group.settlementDeadlineDay(), reader.currentAccount(groupId), reports);
    }
}
