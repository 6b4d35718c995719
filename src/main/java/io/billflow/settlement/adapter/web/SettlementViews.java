package io.billflow.settlement.adapter.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.billflow.settlement.domain.GroupContact;
import io.billflow.settlement.domain.Masking;
import io.billflow.settlement.domain.PayoutAccount;
import io.billflow.settlement.domain.PayoutAccountChangeRequest;
import io.billflow.settlement.domain.ReportLine;
import io.billflow.settlement.domain.ReportStatus;
import io.billflow.settlement.domain.SettlementGroup;
import io.billflow.settlement.domain.SettlementReport;
import io.billflow.settlement.domain.VatRule;

/** What the settlement API answers. Account numbers, holders and the verification mobile are always masked. */
final class SettlementViews {

    private SettlementViews() {
    }

    record GroupView(long id, int version, long partnerId, String partnerName, String name, List<String> media,
                     List<GroupContact> contacts, int settlementDeadlineDay, String verificationMobile,
                     AccountView payoutAccount, Instant createdAt, String createdBy, Instant updatedAt,
                     PendingMobileChange pendingVerificationMobile) {

        static GroupView of(SettlementGroup g, String partnerName, AccountView account,
                            java.util.Optional<io.billflow.settlement.domain.HeldMobileChange> held) {
            return new GroupView(g.id(), g.version(), g.partnerId(), partnerName, g.name(), g.media(), g.contacts(),
                    g.settlementDeadlineDay(), Masking.mobile(g.verificationMobile()), account, g.createdAt(),
                    g.createdBy(), g.updatedAt(), held.map(h -> new PendingMobileChange(Masking.mobile(h.mobile()),
                            h.requestedBy(), h.requestedAt(), h.effectiveAt())).orElse(null));
        }
    }

    /** A verification mobile change waiting for its hold: masked, with who asked and when it applies. */
    record PendingMobileChange(String mobile, String requestedBy, Instant requestedAt, Instant effectiveAt) {
    }

    /** A payout account as anyone may see it: bank, masked number, masked holder. */
    record AccountView(String bankCode, String bankName, String accountNumber, String holderName, Instant registeredAt,
                       String registeredBy) {

        static AccountView of(PayoutAccount a, String bankName) {
            return new AccountView(a.bankCode(), bankName, a.maskedAccount(), a.maskedHolder(), a.registeredAt(),
                    a.registeredBy());
        }
    }

    /** A change request; the code is never part of it. */
    record ChangeRequestView(UUID id, long groupId, PayoutAccountChangeRequest.Status status, String bankCode,
                             String bankName, String accountNumber, String holderName, String sentTo,
                             Instant requestedAt, String requestedBy, Instant expiresAt, int remainingAttempts,
                             Instant decidedAt, String decidedBy) {

        static ChangeRequestView of(PayoutAccountChangeRequest r, String bankName) {
            PayoutAccountChangeRequest.Code code = r.code();
            return new ChangeRequestView(r.id(), r.groupId(), code.status(), r.bankCode(), bankName,
                    r.maskedAccount(), Masking.holderName(r.holderName()), code.sentTo(), r.requestedAt(),
                    r.requestedBy(), code.expiresAt(), code.remainingAttempts(), code.decidedAt(), code.decidedBy());
        }
    }

    record ReportView(long id, long groupId, String groupName, long partnerId, String month, ReportStatus status,
                      VatRule vatRule, LocalDate deadline, int lineCount, long supplyTotal, long vatTotal,
                      long totalAmount, int revision, String source, Instant importedAt, String importedBy,
                      List<LineView> lines) {

        static ReportView of(SettlementReport r, SettlementGroup group, LocalDate deadline) {
            List<ReportLine> lines = r.lines();
            return new ReportView(r.id(), r.groupId(), group.name(), r.partnerId(), r.month().toString(), r.status(),
                    r.vatRule(), deadline, r.lineCount(), r.supplyTotal(), r.vatTotal(), r.totalAmount(), r.revision(),
                    r.source(), r.importedAt(), r.importedBy(),
                    java.util.stream.IntStream.range(0, lines.size()).mapToObj(i -> LineView.of(i, lines.get(i)))
                            .toList());
        }
    }

    record LineView(int index, String media, String item, long supplyAmount, long vat, long total, boolean adjustment) {
        static LineView of(int index, ReportLine l) {
            return new LineView(index, l.media(), l.item(), l.supplyAmount(), l.vat(), l.total(), l.adjustment());
        }
    }
}
