package io.billflow.settlement.api;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * An individual partner's side of the monthly settlement (원천징수 대상자: no tax invoice, 소득세 3% and
 * 지방소득세 0.3% withheld), read only, as the portal shows it after the sign-in by a code to the group's
 * verification mobile. Every call names the settlement group the sign-in was for: another group's report,
 * even of the same partner, is not found, and so is a report before its publication.
 */
public interface IndividualSettlements {

    /** The group's reports from publication on, newest month first. */
    List<Summary> reports(long groupId);

    /** One report of this group; empty when it is another group's or not yet published. */
    Optional<Detail> report(long groupId, long reportId);

    record Summary(long id, YearMonth month, String groupName, long totalAmount, long payoutAmount, SettlementStage stage) {
    }

    /**
     * @param payout the withholding and the net as on the statement; null for a cancelled report
     */
    record Detail(long id, YearMonth month, String groupName, String partnerName, SettlementStage stage, List<Line> lines,
                  long supplyTotal, long vatTotal, long totalAmount, Payout payout) {
    }

    record Line(String media, String item, long supplyAmount, long vat, long total, boolean adjustment) {
    }

    /**
     * @param expected     no payout scheduled yet: the amounts are what the withholding rules give
     * @param bankName     the account paid to (masked number); null when the group has none
     */
    record Payout(long grossAmount, long incomeTax, long localIncomeTax, long withheld, long payoutAmount,
                  boolean expected, LocalDate scheduledDate, LocalDate paidDate, String bankName,
                  String maskedAccount) {
    }
}
