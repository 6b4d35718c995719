package io.billflow.settlement.readmodel;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import io.billflow.settlement.api.SettlementStage;
import io.billflow.settlement.api.IndividualSettlements;
import io.billflow.settlement.domain.PayeeType;
import io.billflow.settlement.domain.ReportStatus;
import io.billflow.settlement.domain.Withholding;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The individual's portal view, read from the same facts as the statement (정산 명세서): the withholding is the
 * payout row's once the process wrote it, before that what the withholding rules give (marked expected).
 */
@Component
class IndividualSettlementView implements IndividualSettlements {

    private final ReportReader reader;
    private final SettlementStatementQuery statements;

    IndividualSettlementView(ReportReader reader, SettlementStatementQuery statements) {
        this.reader = reader;
        this.statements = statements;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Summary> reports(long groupId) {
        return reader.ofGroup(groupId).stream()
                .flatMap(f -> stageOf(f.status()).map(stage -> new Summary(f.id(), f.month(), f.groupName(),
                        f.totalAmount(), payoutAmount(f, stage), stage)).stream())
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Detail> report(long groupId, long reportId) {
        return reader.report(reportId).filter(f -> f.groupId() == groupId)
                .flatMap(f -> stageOf(f.status()))
                .map(stage -> detail(statements.statement(reportId), stage));
    }

    /**
     * What an individual sees of a report status: nothing before publication (a draft is not its business), and
     * no signature step (an individual signs no invoice).
     */
    static Optional<SettlementStage> stageOf(ReportStatus status) {
        return switch (status) {
            case PUBLISHED -> Optional.of(SettlementStage.PUBLISHED);
            case PAYOUT_PROCESSING -> Optional.of(SettlementStage.PAYOUT_PROCESSING);
            case PAID -> Optional.of(SettlementStage.PAID);
            case ON_HOLD -> Optional.of(SettlementStage.ON_HOLD);
            case CANCELLED -> Optional.of(SettlementStage.CANCELLED);
            case DRAFT, IN_REVIEW, RETURNED, SIGNATURE_REQUESTED -> Optional.empty();
        };
    }

    private static long payoutAmount(ReportReader.ReportFacts f, SettlementStage stage) {
        if (stage == SettlementStage.CANCELLED) {
            return 0;
        }
        return f.payment() != null ? f.payment().payoutAmount()
                : Withholding.of(PayeeType.INDIVIDUAL, f.totalAmount()).payout();
    }

    private static Detail detail(SettlementStatementQuery.Statement s, SettlementStage stage) {
        List<Line> lines = s.lines().stream().map(l -> new Line(l.media(), l.item(), l.supplyAmount(), l.vat(),
                l.total(), l.adjustment())).toList();
        return new Detail(s.reportId(), YearMonth.parse(s.month()), s.groupName(), s.partnerName(), stage, lines,
                s.supplyTotal(), s.vatTotal(), s.totalAmount(), payout(s));
    }

    private static Payout payout(SettlementStatementQuery.Statement s) {
        PaymentView p = s.payment();
        if (p == null) {
            return null;
        }
        MaskedAccount account = s.account();
        return new Payout(p.grossAmount(), p.incomeTax(), p.localIncomeTax(), p.withheld(), p.payoutAmount(),
                p.expected(), p.scheduledDate(), p.paidDate(), account == null ? null : account.bankName(),
                account == null ? null : account.accountNumber());
    }
}
