package io.billflow.platform.onetimecode;

import java.util.UUID;

/**
 * What checking a typed code found.
 *
 * @param codeId         the challenge's newest code (null when there is none)
 * @param remainingTries wrong tries left after this check
 */
public record CodeCheck(Verdict verdict, UUID codeId, int remainingTries) {

    public enum Verdict {
        /** Right and in time: the code is used up. */
        ACCEPTED,
        /** Not six digits: a typo, not a guess, not counted. */
        MALFORMED,
        /** No code to check: none was issued, or the newest was used or superseded. */
        NO_CODE,
        /** The newest code is past its time; no try counted. */
        EXPIRED,
        /** Wrong, counted; tries remain. */
        WRONG,
        /** No tries left (this wrong code was the last, or the code or challenge was locked already). */
        LOCKED
    }

    public boolean accepted() {
        return verdict == Verdict.ACCEPTED;
    }
}
