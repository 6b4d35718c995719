package io.billflow.settlement.bank;

import java.time.Instant;

/**
 * The bank's final word on one idempotency key. A permanent failure is a result, not an exception: money
 * did not move, the code says why, and the same key will keep answering the same.
 *
 * @param idempotencyKey    the key asked about
 * @param code              {@link BankResponseCode#OK} when the money moved; otherwise why not
 * @param amount            won moved (or refused); 0 for {@link BankResponseCode#NO_SUCH_TRANSFER}
 * @param bankTransactionId the bank's id for a completed transfer (reconciliation), else {@code null}
 * @param processedAt       when the bank decided; {@code null} for {@link BankResponseCode#NO_SUCH_TRANSFER}
 */
public record TransferResult(String idempotencyKey, BankResponseCode code, long amount, String bankTransactionId,
                             Instant processedAt) {

    public static TransferResult noSuchTransfer(String idempotencyKey) {
        return new TransferResult(idempotencyKey, BankResponseCode.NO_SUCH_TRANSFER, 0, null, null);
    }

    /** The money moved. */
    public boolean succeeded() {
        return code == BankResponseCode.OK;
    }

    /**
     * The bank refused this transfer for good (412, 415, 416, 419, 420, 499, 815): operations must fix the
     * account, and a new attempt needs a new key.
     */
    public boolean failedPermanently() {
        return !succeeded() && code != BankResponseCode.NO_SUCH_TRANSFER && code != BankResponseCode.IDEMPOTENCY_MISMATCH;
    }

    /** The bank never received this key: sending it (again) is safe. */
    public boolean notReceived() {
        return code == BankResponseCode.NO_SUCH_TRANSFER;
    }

    public String message() {
        return code.koreanMessage();
    }
}
