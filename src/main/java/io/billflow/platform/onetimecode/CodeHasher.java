package io.billflow.platform.onetimecode;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import io.billflow.platform.crypto.KeyEncryptionKeys;
import org.springframework.stereotype.Component;

/**
 * Six-digit codes drawn with {@link SecureRandom}; the database keeps HMAC-SHA256(key, codeId | code) with a key
 * derived from the KEK. A plain or salted hash of six digits falls to a million guesses offline; the keyed hash
 * does not open without the KEK, which is not in the database. The derivation label is the one the codes stored
 * before this component used, so codes issued before the move still check.
 */
@Component
class CodeHasher {

    static final int DIGITS = 6;
    private static final int BOUND = 1_000_000;
    private static final byte[] LABEL = "billflow-verification-code-v1".getBytes(StandardCharsets.UTF_8);

    private final KeyEncryptionKeys keks;
    private final SecureRandom random = new SecureRandom();

    CodeHasher(KeyEncryptionKeys keks) {
        this.keks = keks;
    }

    /** A fresh code, {@value #DIGITS} digits with leading zeros. */
    String newCode() {
        return String.format("%06d", random.nextInt(BOUND));
    }

    static boolean wellFormed(String code) {
        return code != null && code.length() == DIGITS && code.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The keyed hash under the current KEK; store it with {@link #currentKeyId()}. */
    byte[] hash(UUID codeId, String code) {
        return hash(keks.current(), codeId, code);
    }

    String currentKeyId() {
        return keks.currentId();
    }

    /** Constant-time comparison; false when the KEK that hashed it is no longer configured. */
    boolean matches(UUID codeId, String code, byte[] storedHash, String keyId) {
        if (!wellFormed(code)) {
            return false;
        }
        return keks.byId(keyId).map(kek -> MessageDigest.isEqual(hash(kek, codeId, code), storedHash)).orElse(false);
    }

    private static byte[] hash(SecretKey kek, UUID codeId, String code) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(kek);
            byte[] codeKey = derive.doFinal(LABEL);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(codeKey, "HmacSHA256"));
            return mac.doFinal((codeId + "|" + code).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
