package io.billflow.settlement.application;

/** A payout account as staff type it: KFTC bank code, account number (digits and hyphens), holder (예금주). */
public record PayoutAccountInput(String bankCode, String accountNumber, String holderName) {

    /** Masked on purpose: the request may reach a log through a framework's debug output. */
    @Override
    public String toString() {
        return "PayoutAccountInput[bankCode=" + bankCode + ", accountNumber=(hidden)]";
    }
}
