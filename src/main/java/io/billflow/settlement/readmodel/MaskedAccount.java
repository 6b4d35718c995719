package io.billflow.settlement.readmodel;

import io.billflow.settlement.domain.Masking;

/**
 * A payout account as the read models show it: bank, masked number, masked holder. Built only through
 * {@link #of}, which masks again: masking a masked value changes nothing, masking a clear one hides it.
 */
public record MaskedAccount(String bankCode, String bankName, String accountNumber, String holderName) {

    public static MaskedAccount of(String bankCode, String bankName, String accountNumber, String holderName) {
        return new MaskedAccount(bankCode, bankName, accountNumber == null ? null : Masking.accountNumber(accountNumber),
                holderName == null ? null : Masking.holderName(holderName));
    }
}
