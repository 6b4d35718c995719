package io.billflow.settlement.readmodel;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A report's payout ({@code settlement_payout}) as staff see it: the gross, for individuals 소득세 and 지방소득세
 * as separate amounts, the net paid, the dates, the state and the account it goes to (masked).
 *
 * @param expected true when no payout is scheduled yet and the amounts are what the withholding rules would
 *                 give (statement only); the payout row, once written, is what counts
 * @param paidDate {@code paidAt} as a business date (Asia/Seoul)
 */
public record PaymentView(String payeeType, String payeeLabel, long grossAmount, long incomeTax, long localIncomeTax,
                          long withheld, long payoutAmount, LocalDate scheduledDate, String status, String stage,
                          boolean overdue, MaskedAccount account, Instant paidAt, LocalDate paidDate,
                          boolean expected) {

    public boolean individual() {
        return "INDIVIDUAL".equals(payeeType);
    }
}
