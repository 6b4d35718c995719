package io.billflow.platform.onetimecode;

public enum CodeStatus {
    /** Sent, waiting to be typed. */
    PENDING,
    /** Typed right in time: what it unlocked is done. */
    USED,
    /** Locked by wrong tries. */
    VOID,
    /** Not typed in time. */
    EXPIRED,
    /** A newer code of the challenge, or a new mobile of the holder, replaced it. */
    SUPERSEDED
}
