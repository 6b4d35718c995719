package io.billflow.settlement.domain;

/**
 * A value encrypted at rest (envelope encryption): the ciphertext under a per-record data key, and the data
 * key wrapped by the key-encryption key {@code kekId}. Opaque to the domain.
 */
public record SealedValue(byte[] ciphertext, byte[] iv, byte[] wrappedDek, byte[] dekIv, String kekId) {
}
