package io.billflow.settlement.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * The account a group's payouts go to, as stored: the number only sealed (and masked for display), the bank
 * code and holder name in clear (the holder is needed for the bank's name check and shown masked).
 */
public record PayoutAccount(UUID id, long groupId, String bankCode, String maskedAccount, String holderName,
                            SealedValue sealedAccount, Instant registeredAt, String registeredBy,
                            UUID changeRequestId) {

    public String maskedHolder() {
        return Masking.holderName(holderName);
    }
}
