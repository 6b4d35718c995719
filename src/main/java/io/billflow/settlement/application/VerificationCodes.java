package io.billflow.settlement.application;

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
 * Six-digit one-time codes. A code is drawn with {@link SecureRandom} and never stored: the database keeps
 * HMAC-SHA256(key, requestId | code), with a key derived from the KEK. A plain or salted hash of six digits
 * falls to a million guesses offline; the keyed hash does not open without the KEK, which is not in the
 * database.
 */
@Component
public class VerificationCodes {

    public static final int DIGITS = 6;
    private static final int BOUND = 1_000_000;

    private final KeyEncryptionKeys keks;
    private final SecureRandom random = new SecureRandom();

    public VerificationCodes(KeyEncryptionKeys keks) {
        this.keks = keks;
    }

    /** A fresh code, {@value #DIGITS} digits with leading zeros. */
    public String newCode() {
        return String.format("%06d", random.nextInt(BOUND));
    }

    public boolean wellFormed(String code) {
        return code != null && code.length() == DIGITS && code.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The keyed hash under the current KEK; store it with {@link #currentKeyId()}. */
    public byte[] hash(UUID requestId, String code) {
        return hash(keks.current(), requestId, code);
    }

    public String currentKeyId() {
        return keks.currentId();
    }

    /** Constant-time comparison; false when the KEK that hashed it is no longer configured. */
    public boolean matches(UUID requestId, String code, byte[] storedHash, String keyId) {
        if (!wellFormed(code)) {
            return false;
        }
        return keks.byId(keyId).map(kek -> MessageDigest.isEqual(hash(kek, requestId, code), storedHash)).orElse(false);
    }

    private static byte[] hash(SecretKey kek, UUID requestId, String code) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(kek);
            byte[] codeKey = derive.doFinal("billflow-verification-code-v1".getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(codeKey, "HmacSHA256"));
            return mac.doFinal((requestId + "|" + code).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
