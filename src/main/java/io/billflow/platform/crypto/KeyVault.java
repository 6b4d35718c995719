package io.billflow.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption for secrets at rest: certificate private keys, and payout account numbers
 * (settlement's {@code PayoutAccountCipher}). Each record gets its own random AES-256 data key; the
 * secret is encrypted with it (AES-GCM, associated data naming the record — for a certificate key the
 * partner and the certificate serial — so a sealed value copied onto another record does not open), and
 * the data key is wrapped with the KEK (AES-GCM, associated data = KEK id). Plaintext buffers are zeroed
 * as soon as they are used.
 */
public final class KeyVault {

    private static final int GCM_TAG_BITS = 128;
    private static final int IV_BYTES = 12;

    private final KeyEncryptionKeys keks;
    private final SecureRandom random = new SecureRandom();

    public KeyVault(KeyEncryptionKeys keks) {
        this.keks = keks;
    }

    /** Encrypts {@code pkcs8}; the caller still owns (and zeroes) the array it passed. */
    public SealedKey seal(long partnerId, String certificateSerial, byte[] pkcs8) {
        return seal(associatedData(partnerId, certificateSerial), pkcs8);
    }

    /** Decrypts a sealed key to PKCS#8 bytes. The caller must zero the result after use. */
    public byte[] open(long partnerId, String certificateSerial, SealedKey sealed) {
        return open(associatedData(partnerId, certificateSerial), sealed);
    }

    /**
     * The envelope itself, for any secret at rest: {@code associatedData} names the record it belongs to
     * (a sealed value copied onto another record does not open). The caller still owns {@code plaintext}.
     */
    public SealedKey seal(byte[] associatedData, byte[] plaintext) {
        byte[] dek = new byte[32];
        random.nextBytes(dek);
        try {
            byte[] iv = randomIv();
            byte[] ciphertext = gcm(Cipher.ENCRYPT_MODE, new SecretKeySpec(dek, "AES"), iv, associatedData, plaintext);
            byte[] dekIv = randomIv();
            byte[] wrapped = gcm(Cipher.ENCRYPT_MODE, keks.current(), dekIv, kekAad(keks.currentId()), dek);
            return new SealedKey(ciphertext, iv, wrapped, dekIv, keks.currentId());
        } finally {
            Arrays.fill(dek, (byte) 0);
        }
    }

    /** Opens what {@link #seal(byte[], byte[])} sealed under the same associated data; the caller zeroes the result. */
    public byte[] open(byte[] associatedData, SealedKey sealed) {
        byte[] dek = unwrap(sealed);
        try {
            return gcm(Cipher.DECRYPT_MODE, new SecretKeySpec(dek, "AES"), sealed.iv(), associatedData,
                    sealed.ciphertext());
        } finally {
            Arrays.fill(dek, (byte) 0);
        }
    }

    /** Re-wraps the data key under the current KEK (KEK rotation); the key itself is never decrypted. */
    public SealedKey rewrap(SealedKey sealed) {
        if (sealed.kekId().equals(keks.currentId())) {
            return sealed;
        }
        byte[] dek = unwrap(sealed);
        try {
            byte[] dekIv = randomIv();
            byte[] wrapped = gcm(Cipher.ENCRYPT_MODE, keks.current(), dekIv, kekAad(keks.currentId()), dek);
            return new SealedKey(sealed.ciphertext(), sealed.iv(), wrapped, dekIv, keks.currentId());
        } finally {
            Arrays.fill(dek, (byte) 0);
        }
    }

    public String currentKekId() {
        return keks.currentId();
    }

    private byte[] unwrap(SealedKey sealed) {
        SecretKey kek = keks.byId(sealed.kekId()).orElseThrow(() -> new VaultException("the key-encryption key "
                + sealed.kekId() + " that sealed this key is not configured (add it to previous-key-encryption-keys)"));
        return gcm(Cipher.DECRYPT_MODE, kek, sealed.dekIv(), kekAad(sealed.kekId()), sealed.wrappedDek());
    }

    private byte[] randomIv() {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        return iv;
    }

    private static byte[] associatedData(long partnerId, String serial) {
        return ("billflow-certificate-key|partner=" + partnerId + "|serial=" + serial).getBytes(StandardCharsets.UTF_8);
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
            throw new VaultException("the sealed key does not open: wrong record, tampered data or wrong KEK");
        } catch (GeneralSecurityException e) {
            throw new VaultException("AES-GCM failed: " + e.getClass().getSimpleName());
        }
    }

    /** Sealing or opening failed; never carries key material. */
    public static class VaultException extends RuntimeException {
        public VaultException(String message) {
            super(message);
        }
    }
}
