package io.billflow.settlement.application;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.billflow.certificate.vault.KeyEncryptionKeys;
import io.billflow.settlement.domain.SealedValue;
import org.springframework.stereotype.Component;

/**
 * Seals payout account numbers at rest with the same envelope scheme and the same key-encryption keys
 * ({@code BILLFLOW_KEK}, with previous KEKs for rotation) as the certificate vault: each value gets its own
 * AES-256 data key (AES-GCM), the data key is wrapped with the KEK (AES-GCM, associated data = KEK id).
 * The associated data of the value names its record ({@code context}), so a sealed number copied onto
 * another group or row does not open.
 * <p>
 * The certificate module's {@code KeyVault} binds its associated data to certificates (partner + serial),
 * so only its {@link KeyEncryptionKeys} ring is shared; the envelope is a few lines here.
 */
@Component
public class PayoutAccountCipher {

    private static final int GCM_TAG_BITS = 128;
    private static final int IV_BYTES = 12;

    private final KeyEncryptionKeys keks;
    private final SecureRandom random = new SecureRandom();

    public PayoutAccountCipher(KeyEncryptionKeys keks) {
        this.keks = keks;
    }

    public SealedValue seal(String context, String plaintext) {
        byte[] dek = new byte[32];
        random.nextBytes(dek);
        byte[] clear = plaintext.getBytes(StandardCharsets.UTF_8);
        try {
            byte[] iv = randomIv();
            byte[] ciphertext = gcm(Cipher.ENCRYPT_MODE, new SecretKeySpec(dek, "AES"), iv, aad(context), clear);
            byte[] dekIv = randomIv();
            byte[] wrapped = gcm(Cipher.ENCRYPT_MODE, keks.current(), dekIv, kekAad(keks.currentId()), dek);
            return new SealedValue(ciphertext, iv, wrapped, dekIv, keks.currentId());
        } finally {
            Arrays.fill(dek, (byte) 0);
            Arrays.fill(clear, (byte) 0);
        }
    }

    public String open(String context, SealedValue sealed) {
        byte[] dek = unwrap(sealed);
        try {
            byte[] clear = gcm(Cipher.DECRYPT_MODE, new SecretKeySpec(dek, "AES"), sealed.iv(), aad(context),
                    sealed.ciphertext());
            try {
                return new String(clear, StandardCharsets.UTF_8);
            } finally {
                Arrays.fill(clear, (byte) 0);
            }
        } finally {
            Arrays.fill(dek, (byte) 0);
        }
    }

    /** The data key wrapped under the current KEK (after a rotation); the value itself is not decrypted. */
    public SealedValue rewrap(SealedValue sealed) {
        if (sealed.kekId().equals(keks.currentId())) {
            return sealed;
        }
        byte[] dek = unwrap(sealed);
        try {
            byte[] dekIv = randomIv();
            byte[] wrapped = gcm(Cipher.ENCRYPT_MODE, keks.current(), dekIv, kekAad(keks.currentId()), dek);
            return new SealedValue(sealed.ciphertext(), sealed.iv(), wrapped, dekIv, keks.currentId());
        } finally {
            Arrays.fill(dek, (byte) 0);
        }
    }

    public String currentKekId() {
        return keks.currentId();
    }

    private byte[] unwrap(SealedValue sealed) {
        SecretKey kek = keks.byId(sealed.kekId()).orElseThrow(() -> new IllegalStateException("the key-encryption key "
                + sealed.kekId() + " that sealed this payout account is not configured (add it to "
                + "billflow.security.previous-key-encryption-keys)"));
        return gcm(Cipher.DECRYPT_MODE, kek, sealed.dekIv(), kekAad(sealed.kekId()), sealed.wrappedDek());
    }

    private byte[] randomIv() {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        return iv;
    }

    private static byte[] aad(String context) {
        return ("billflow-payout-account|" + context).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] kekAad(String kekId) {
        return ("billflow-dek|kek=" + kekId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gcm(int mode, SecretKey key, byte[] iv, byte[] aad, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(GCM_TAG_BITS, iv));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalStateException("a sealed payout account does not open: wrong record, tampered data or wrong KEK");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed: " + e.getClass().getSimpleName());
        }
    }
}
