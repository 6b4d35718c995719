package io.billflow.settlement.bank;

/**
 * The answer to a 수취조회 (account-holder inquiry): the holder name as the bank has it, or why the account
 * cannot receive money. Done on every payout-account change, before the first transfer.
 *
 * @param bank          the bank asked
 * @param accountNumber the account number, digits only
 * @param code          {@link BankResponseCode#OK} or the permanent reason (412, 415, 416, 419, 420, 499)
 * @param holderName    the bank's holder name when {@code OK}, else {@code null}
 */
public record AccountHolderResult(BankCode bank, String accountNumber, BankResponseCode code, String holderName) {

    public boolean found() {
        return code == BankResponseCode.OK;
    }

    /** The bank's Korean message for the code. */
    public String message() {
        return code.koreanMessage();
    }

    /** Whether the bank's holder is the one the partner named (spaces and (주)/주식회사 tolerated). */
    public boolean holderMatches(String expectedHolderName) {
        return found() && HolderName.sameHolder(holderName, expectedHolderName);
    }
}
