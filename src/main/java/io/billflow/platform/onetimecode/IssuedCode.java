package io.billflow.platform.onetimecode;

import java.time.Instant;
import java.util.UUID;

/**
 * A code just issued. {@code code} exists only here: text it to the target's mobile in the same transaction and
 * let it go. {@code toString} leaves it out, so a log line cannot carry it.
 *
 * @param sentTo the mobile, masked ({@code 010-****-5678})
 */
public record IssuedCode(UUID id, String code, String sentTo, Instant expiresAt, int remainingTries) {

    @Override
    public String toString() {
        return "IssuedCode[id=" + id + ", sentTo=" + sentTo + ", expiresAt=" + expiresAt + "]";
    }
}
