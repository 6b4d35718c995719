package io.billflow.platform.onetimecode;

/**
 * What a code is for and where it goes.
 *
 * @param challenge   what the code unlocks (a change of a group's account, a report's confirmation, a portal link):
 *                    a newer code supersedes the open one of the same challenge, and a typed code is checked
 *                    against the challenge's newest
 * @param scope       what the daily limit counts over (a group's mobile, a report)
 * @param holder      who holds the mobile ({@code settlement-group:42}): when the mobile changes, every open code
 *                    of the holder stops working
 * @param mobile      the number the caller texts the code to (the send limits count per number; never stored)
 * @param sentTo      the number as stored and shown, masked ({@code 010-****-5678})
 * @param subjectType audit subject of every step ({@code settlement_group})
 * @param subjectId   audit subject id
 */
public record CodeTarget(String challenge, String scope, String holder, String mobile, String sentTo, String subjectType,
                         String subjectId) {
}
