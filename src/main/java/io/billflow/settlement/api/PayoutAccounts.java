package io.billflow.settlement.api;

import java.util.Optional;

/**
 * The one way to a group's full payout account number: for the payout step only (bank transfer, 예금주
 * 조회). Every call is audited. REST never shows more than the masked form.
 */
public interface PayoutAccounts {

    /**
     * The group's current payout account, unsealed, or empty when it has none.
     *
     * @param actor   who (or which process step) needs it, for the audit log
     * @param purpose why, e.g. {@code payout:2026-10:42}, for the audit log
     */
    Optional<PayoutAccountForPayout> unsealForPayout(long groupId, String actor, String purpose);

    /** A payout account in clear. {@link #toString()} is masked, so it cannot leak into a log line by accident. */
    record PayoutAccountForPayout(long groupId, String bankCode, String accountNumber, String holderName,
                                  String maskedAccount) {

        /** Digits only, as transfer APIs take it. */
        public String accountDigits() {
            return accountNumber.replace("-", "");
        }

        @Override
        public String toString() {
            return "PayoutAccountForPayout[groupId=" + groupId + ", bankCode=" + bankCode + ", account=" + maskedAccount
                    + "]";
        }
    }
}
