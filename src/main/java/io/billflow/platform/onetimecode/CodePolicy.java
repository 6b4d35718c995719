package io.billflow.platform.onetimecode;

import java.time.Duration;
import java.util.Objects;

/**
 * The rules of one use of one-time codes.
 *
 * @param purpose        stored with each code ({@code PAYOUT_ACCOUNT_CHANGE}); codes of one purpose never answer another
 * @param validity       how long a code may be typed
 * @param maxWrongTries  wrong codes before the code (or the challenge) is locked
 * @param counting       whether wrong tries count per code (a new code brings new tries) or per challenge (a new
 *                       code buys no new guesses; once locked, no new code is issued)
 * @param maxCodesPerDay codes per scope in 24 hours; 0 for no limit beyond the send limits
 * @param auditPrefix    audit actions are {@code <prefix>_CODE_SENT}, {@code _CODE_ACCEPTED}, {@code _CODE_REJECTED},
 *                       {@code _CODE_EXPIRED}
 * @param lockedAction   the audit action of the wrong try that locks
 */
public record CodePolicy(String purpose, Duration validity, int maxWrongTries, TryCounting counting,
                         int maxCodesPerDay, String auditPrefix, String lockedAction) {

    public enum TryCounting {
        PER_CODE,
        PER_CHALLENGE
    }

    public CodePolicy {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(counting, "counting");
        if (validity.isNegative() || validity.isZero() || maxWrongTries < 1 || maxCodesPerDay < 0
                || purpose.length() > 40) {
            throw new IllegalArgumentException("not a usable code policy: " + purpose);
        }
    }

    public int validMinutes() {
        return (int) validity.toMinutes();
    }
}
