package io.billflow.settlement.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A requested change of a group's payout account, waiting for the one-time code sent to the group's registered
 * mobile (Kakao Harmony: "관리자 추가인증", code valid 5 minutes). The request keeps the new account, sealed; its
 * code (and so its status) is the one-time code's, read into {@link #code()}.
 */
public record PayoutAccountChangeRequest(UUID id, long groupId, String bankCode, String maskedAccount,
                                         String holderName, SealedValue sealedAccount, UUID codeId,
                                         Instant requestedAt, String requestedBy, Code code) {

    public enum Status {
        /** Code sent, waiting for it. */
        PENDING,
        /** The right code arrived in time: the new account is in force. */
        CONFIRMED,
        /** Five wrong codes: request a new one. */
        VOID,
        /** The code was not confirmed in time. */
        EXPIRED,
        /** A newer request for the same group, or a new verification mobile, replaced this one. */
        SUPERSEDED
    }

    /**
     * The state of the request's code.
     *
     * @param sentTo the registered mobile the code went to, masked
     */
    public record Code(Status status, String sentTo, Instant expiresAt, int remainingAttempts, Instant decidedAt,
                       String decidedBy) {
    }

    public static PayoutAccountChangeRequest open(UUID id, long groupId, String bankCode, AccountNumber account,
                                                  String holderName, SealedValue sealedAccount, UUID codeId,
                                                  String actor, Instant now) {
        return new PayoutAccountChangeRequest(id, groupId, bankCode, account.masked(), holderName, sealedAccount,
                codeId, now, actor, null);
    }

    public PayoutAccountChangeRequest withCode(Code state) {
        return new PayoutAccountChangeRequest(id, groupId, bankCode, maskedAccount, holderName, sealedAccount, codeId,
                requestedAt, requestedBy, state);
    }

    public Status status() {
        return code.status();
    }
}
