package io.billflow.platform.onetimecode;

import java.time.Instant;
import java.util.UUID;

/**
 * A code as it stands: {@link CodeStatus#EXPIRED} once past its time even before anyone typed it.
 *
 * @param remainingTries what is left of the policy's wrong tries (per code or per challenge)
 */
public record CodeState(UUID id, CodeStatus status, String sentTo, Instant expiresAt, int failedTries,
                        int remainingTries, Instant decidedAt, String decidedBy) {
}
