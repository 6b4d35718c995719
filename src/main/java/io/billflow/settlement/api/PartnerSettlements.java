package io.billflow.settlement.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import io.billflow.partner.api.PartnerSnapshot;

/**
 * The partner's side of the monthly settlement, as the supplier portal shows it (Kakao Harmony 크레딧 →
 * 정산리포트 → 세금계산서 역발행 신청): its own published reports, each with the stage, the company and
 * contact data, the preview of the reverse invoice, and the confirmation with a one-time code sent to the
 * group's verification mobile. Every call names the partner: another partner's report is not found.
 */
public interface PartnerSettlements {

    /** The partner's reports from publication on, newest month first. */
    List<Summary> reports(long partnerId);

    /** One report of this partner; empty when it is another partner's or not yet published. */
    Optional<Detail> report(long partnerId, long reportId);

    /**
     * Checks what the partner ticked and chose, then sends a fresh code by SMS to the group's verification
     * mobile (the older open code stops working).
     *
     * @throws PartnerConfirmationRefusedException with a message for the partner
     */
    CodeSent sendConfirmationCode(long partnerId, long reportId, boolean dataChecked, LocalDate writeDate, String actor);

    /**
     * Checks the code and confirms the reverse invoice with the write date: the settlement process then
     * writes and requests the invoice. A wrong code counts (the fifth voids it); an expired one needs a new code.
     *
     * @throws PartnerConfirmationRefusedException with a message for the partner
     */
    void confirm(long partnerId, long reportId, boolean dataChecked, LocalDate writeDate, String code, String actor);

    record Summary(long id, YearMonth month, String groupName, long supplyTotal, long vatTotal, long totalAmount,
                   SettlementStage stage, LocalDate deadline) {
    }

    /**
     * @param supplier           the partner's company data (the invoice's 공급자)
     * @param buyer              the platform operator's buyer company (공급받는자); empty when it is not configured
     * @param verificationMobile masked, where the one-time code goes
     * @param confirmable        published, not yet confirmed, deadline not passed: the confirmation form is shown
     * @param pastDeadline       still waiting for the partner, but the deadline has passed (operations decide)
     * @param writeDate          the write date the partner chose (null before the confirmation)
     * @param invoiceId          the reverse invoice once the process wrote it (null until then)
     * @param pendingCode        the open one-time code, if any
     */
    record Detail(long id, YearMonth month, String groupName, SettlementStage stage, LocalDate deadline, long supplyTotal,
                  long vatTotal, long totalAmount, List<SettlementDirectory.Line> lines, PartnerSnapshot supplier,
                  Optional<PartnerSnapshot> buyer, List<SettlementDirectory.Contact> contacts,
                  String verificationMobile, InvoicePreview preview, boolean confirmable, boolean pastDeadline,
                  LocalDate writeDate,
                  Instant confirmedAt, Long invoiceId, PendingCode pendingCode) {
    }

    /** The reverse invoice as it will be written: the report's amounts, one item per line (or one summary line). */
    record InvoicePreview(String mgtKey, String remark, long supplyTotal, long taxTotal, long totalAmount,
                          List<PreviewItem> items, boolean summarised) {
    }

    /**
     * @param quantity null for an item that is one report line; for a summary line the number of report lines it
     *                 sums (수량 n건), because its VAT is the sum of theirs, each truncated on its own
     */
    record PreviewItem(int serial, String itemName, Integer quantity, long supplyCost, long tax, String remark) {
    }

    record PendingCode(String sentTo, Instant expiresAt, int remainingAttempts) {
    }

    record CodeSent(String sentTo, Instant expiresAt) {
    }
}
