package io.billflow.settlement.api;

import java.time.Instant;
import java.util.Optional;

/**
 * Proof of possession of a settlement group's verification mobile: how an individual partner (원천징수 대상자,
 * no business number to type) signs in to the portal. Six digits by SMS to that mobile only, valid
 * {@value #VALID_MINUTES} minutes, only a keyed hash stored, every step audited on the group.
 * <p>
 * A code belongs to a {@code challenge}: what it unlocks (the portal link). A new code supersedes the open one,
 * and the wrong codes of a challenge are counted together: after {@value #MAX_WRONG_CODES} the challenge is
 * locked for good, so asking for new codes buys no new guesses. At most {@value #MAX_CODES_PER_DAY} codes go to
 * a group's mobile in 24 hours, whatever the challenge.
 */
public interface GroupSignInCodes {

    int VALID_MINUTES = 5;
    int MAX_WRONG_CODES = 5;
    int MAX_CODES_PER_DAY = 10;

    /** The group as the sign-in page names it: empty for an unknown group. */
    Optional<Target> target(long groupId);

    /** The open code of this challenge, if one is pending and not yet expired. */
    Optional<PendingCode> pending(long groupId, String challenge);

    /**
     * Sends a fresh code to the group's verification mobile (the challenge's older open code stops working).
     *
     * @throws SignInCodeRefusedException when the challenge is locked or the day's codes are used up
     */
    PendingCode send(long groupId, String challenge, String actor);

    /**
     * Checks a typed code against the challenge's newest code and uses it up when it is right. A wrong code is
     * counted (and stays counted: the refusal does not roll back); not six digits is a typo, not counted.
     *
     * @throws SignInCodeRefusedException when the code is not accepted, with the tries left
     */
    void check(long groupId, String challenge, String typedCode, String actor);

    /** @param verificationMobile masked ({@code 010-****-6789}) */
    record Target(String groupName, String verificationMobile) {
    }

    /** @param sentTo masked; {@code remainingAttempts} counts the challenge's wrong codes, not only this code's */
    record PendingCode(String sentTo, Instant expiresAt, int remainingAttempts) {
    }
}
