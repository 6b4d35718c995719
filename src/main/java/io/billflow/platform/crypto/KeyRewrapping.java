package io.billflow.platform.crypto;

/**
 * A capability that stores data keys wrapped by the KEK (certificates' private keys, payout account numbers).
 * After {@code BILLFLOW_KEK} changes (the old one moved to the previous KEKs), every holder re-wraps its data keys
 * under the current KEK; only then may the old KEK be dropped. {@link KeyRotationController} asks all of them at once,
 * so none is forgotten.
 */
public interface KeyRewrapping {

    /** What the data keys protect, as named in the rotation's answer, e.g. {@code certificates}. */
    String holding();

    /** Re-wraps every data key not yet wrapped by the current KEK, audited; returns how many. */
    int rewrapAll(String actor);
}
