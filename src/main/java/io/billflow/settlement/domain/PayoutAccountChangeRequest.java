package io.billflow.settlement.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A requested change of a group's payout account, waiting for the one-time code sent to the group's
 * registered mobile (Kakao Harmony: "관리자 추가인증", code valid 5 minutes). Only the code's keyed hash is
 * kept. Five wrong codes void the request; a newer request supersedes an open one.
 */
public final class PayoutAccountChangeRequest {

    public static final Duration VALIDITY = Duration.ofMinutes(5);
    public static final int MAX_ATTEMPTS = 5;

    public enum Status {
        /** Code sent, waiting for it. */
        PENDING,
        /** The right code arrived in time: the new account is in force. */
        CONFIRMED,
        /** {@value #MAX_ATTEMPTS} wrong codes: request a new one. */
        VOID,
        /** The code was not confirmed within {@link #VALIDITY}. */
        EXPIRED,
        /** A newer request for the same group replaced this one. */
        SUPERSEDED
    }

    /** What a confirmation attempt did. */
    public enum Attempt {
        CONFIRMED,
        WRONG_CODE,
        /** This wrong code was the last allowed one: the request is now void. */
        VOIDED,
        EXPIRED,
        /** The request was closed before (void, expired, superseded or confirmed): nothing changes. */
        NOT_PENDING
    }

    private final UUID id;
    private final long groupId;
    private final String bankCode;
    private final String maskedAccount;
    private final String holderName;
    private final SealedValue sealedAccount;
    private final byte[] codeHash;
    private final String codeKeyId;
    private final String sentTo;
    private final Instant requestedAt;
    private final String requestedBy;
    private final Instant expiresAt;
    private Status status;
    private int failedAttempts;
    private Instant decidedAt;
    private String decidedBy;

    public PayoutAccountChangeRequest(UUID id, long groupId, String bankCode, String maskedAccount, String holderName,
                                      SealedValue sealedAccount, byte[] codeHash, String codeKeyId, String sentTo,
                                      Instant requestedAt, String requestedBy, Instant expiresAt, Status status,
                                      int failedAttempts, Instant decidedAt, String decidedBy) {
        this.id = id;
        this.groupId = groupId;
        this.bankCode = bankCode;
        this.maskedAccount = maskedAccount;
        this.holderName = holderName;
        this.sealedAccount = sealedAccount;
        this.codeHash = codeHash;
        this.codeKeyId = codeKeyId;
        this.sentTo = sentTo;
        this.requestedAt = requestedAt;
        this.requestedBy = requestedBy;
        this.expiresAt = expiresAt;
        this.status = status;
        this.failedAttempts = failedAttempts;
        this.decidedAt = decidedAt;
        this.decidedBy = decidedBy;
    }

    public static PayoutAccountChangeRequest open(UUID id, long groupId, String bankCode, AccountNumber account,
                                                  String holderName, SealedValue sealedAccount, byte[] codeHash,
                                                  String codeKeyId, String verificationMobile, String actor,
                                                  Instant now) {
        return new PayoutAccountChangeRequest(id, groupId, bankCode, account.masked(), holderName, sealedAccount,
                codeHash, codeKeyId, Masking.mobile(verificationMobile), now, actor, now.plus(VALIDITY),
                Status.PENDING, 0, null, null);
    }

    /**
     * One confirmation attempt at {@code now}. Expiry is checked before the code: a right code that comes
     * too late confirms nothing.
     */
    public Attempt attempt(boolean codeMatches, Instant now, String actor) {
        if (status != Status.PENDING) {
            return Attempt.NOT_PENDING;
        }
        if (!now.isBefore(expiresAt)) {
            close(Status.EXPIRED, now, actor);
            return Attempt.EXPIRED;
        }
        if (codeMatches) {
            close(Status.CONFIRMED, now, actor);
            return Attempt.CONFIRMED;
        }
        failedAttempts++;
        if (failedAttempts >= MAX_ATTEMPTS) {
            close(Status.VOID, now, actor);
            return Attempt.VOIDED;
        }
        return Attempt.WRONG_CODE;
    }

    /** A newer request for the group, or a new verification mobile, makes this one useless. */
    public void supersede(Instant now, String actor) {
        if (status == Status.PENDING) {
            close(Status.SUPERSEDED, now, actor);
        }
    }

    /** The status as seen at {@code now}: a pending request past its expiry reads as expired. */
    public Status statusAt(Instant now) {
        return status == Status.PENDING && !now.isBefore(expiresAt) ? Status.EXPIRED : status;
    }

    public int remainingAttempts() {
        return Math.max(0, MAX_ATTEMPTS - failedAttempts);
    }

    private void close(Status closed, Instant now, String actor) {
        status = closed;
        decidedAt = now;
        decidedBy = actor;
    }

    public UUID id() { return id; }
    public long groupId() { return groupId; }
    public String bankCode() { return bankCode; }
    public String maskedAccount() { return maskedAccount; }
    public String holderName() { return holderName; }
    public SealedValue sealedAccount() { return sealedAccount; }
    public byte[] codeHash() { return codeHash.clone(); }
    public String codeKeyId() { return codeKeyId; }
    /** The registered mobile the code went to, masked. */
    public String sentTo() { return sentTo; }
    public Instant requestedAt() { return requestedAt; }
    public String requestedBy() { return requestedBy; }
    public Instant expiresAt() { return expiresAt; }
    public Status status() { return status; }
    public int failedAttempts() { return failedAttempts; }
    public Instant decidedAt() { return decidedAt; }
    public String decidedBy() { return decidedBy; }
}
