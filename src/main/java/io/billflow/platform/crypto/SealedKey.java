package io.billflow.platform.crypto;

/**
 * A private key at rest: the PKCS#8 bytes encrypted with AES-256-GCM under a per-record data key (DEK),
 * and the DEK itself encrypted with AES-256-GCM under the key-encryption key {@code kekId}.
 */
public record SealedKey(byte[] ciphertext, byte[] iv, byte[] wrappedDek, byte[] dekIv, String kekId) {
}
