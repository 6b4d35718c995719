package io.billflow.settlement.application;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.billflow.platform.crypto.KeyEncryptionKeys;
import io.billflow.platform.crypto.KeyVault;
import io.billflow.platform.crypto.SealedKey;
import io.billflow.settlement.domain.SealedValue;
import org.springframework.stereotype.Component;

/**
 * Seals payout account numbers at rest with the platform key vault's envelope ({@link KeyVault}) and the same
 * key-encryption keys ({@code BILLFLOW_KEK}, with previous KEKs for rotation): each value gets its own
 * AES-256 data key, wrapped with the KEK. The associated data names the record ({@code context}), so a sealed
 * number copied onto another group or row does not open.
 */
@Component
public class PayoutAccountCipher {

    private final KeyVault vault;

    public PayoutAccountCipher(KeyEncryptionKeys keks) {
        this.vault = new KeyVault(keks);
    }

    public SealedValue seal(String context, String plaintext) {
        byte[] clear = plaintext.getBytes(StandardCharsets.UTF_8);
        try {
            return value(opened(() -> vault.seal(aad(context), clear)));
        } finally {
            Arrays.fill(clear, (byte) 0);
        }
    }

    public String open(String context, SealedValue sealed) {
        byte[] clear = opened(() -> vault.open(aad(context), key(sealed)));
        try {
            return new String(clear, StandardCharsets.UTF_8);
        } finally {
            Arrays.fill(clear, (byte) 0);
        }
    }

    /** The data key wrapped under the current KEK (after a rotation); the value itself is not decrypted. */
    public SealedValue rewrap(SealedValue sealed) {
        return value(opened(() -> vault.rewrap(key(sealed))));
    }

    public String currentKekId() {
        return vault.currentKekId();
    }

    private static byte[] aad(String context) {
        return ("billflow-payout-account|" + context).getBytes(StandardCharsets.UTF_8);
    }

    private static SealedKey key(SealedValue v) {
        return new SealedKey(v.ciphertext(), v.iv(), v.wrappedDek(), v.dekIv(), v.kekId());
    }

    private static SealedValue value(SealedKey k) {
        return new SealedValue(k.ciphertext(), k.iv(), k.wrappedDek(), k.dekIv(), k.kekId());
    }

    /** The vault's failures as this module reports them (wrong record, tampered data, a KEK not configured). */
    private static <T> T opened(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (KeyVault.VaultException e) {
            throw new IllegalStateException("payout account: " + e.getMessage(), e);
        }
    }
}
