package io.billflow.certificate.npki;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA1Digest;

import io.billflow.certificate.npki.CertificateFileException.Reason;

/**
 * The two KISA password-based schemes that BouncyCastle has no decryptor for (docs/reference/pki.md §1): both derive
 * {@code DK = SHA1^iter(password ‖ salt)} (PBKDF1-SHA1, 20 bytes) and use {@code DK[0..16]} as the SEED key.
 * <ul>
 * <li>seedCBCWithSHA1 ({@code 1.2.410.200004.1.15}): IV = {@code SHA1(DK[16..20])[0..16]};</li>
 * <li>the old form, seedCBC ({@code 1.2.410.200004.1.4}) used directly: the fixed IV "0123456789012345"
 * (PyPinkSign, jPinkSign).</li>
 * </ul>
 * Both carry the parameters {@code SEQUENCE { OCTET STRING salt, INTEGER iterations }}.
 */
final class KisaPbe {

    private static final byte[] LEGACY_IV = "0123456789012345".getBytes(StandardCharsets.US_ASCII);
    private static final int SEED_KEY_LENGTH = 16;

    /**
     * How many decryptions got through the padding check. Package visible so that a test can prove it met the
     * padding false positive (a wrong password whose output ends in a valid padding) inside the reader itself.
     */
    static final LongAdder PADDING_ACCEPTED = new LongAdder();

    private KisaPbe() {
    }

    static boolean handles(AlgorithmIdentifier algorithm) {
        return NpkiOids.SEED_CBC_WITH_SHA1.equals(algorithm.getAlgorithm())
                || NpkiOids.SEED_CBC.equals(algorithm.getAlgorithm());
    }

    /**
     * Derives the key, decrypts and unpads, and checks nothing else: the caller must parse the result.
     *
     * @throws InvalidCipherTextException when the padding is not valid (a wrong password, most of the time)
     */
    static byte[] decryptUnverified(EncryptedPrivateKeyInfo encrypted, char[] password)
            throws InvalidCipherTextException {
        AlgorithmIdentifier algorithm = encrypted.getEncryptionAlgorithm();
        Parameters parameters = Parameters.of(algorithm);
        byte[] ciphertext = encrypted.getEncryptedData();
        if (ciphertext.length == 0 || ciphertext.length % SeedCbc.BLOCK_SIZE != 0) {
            throw new CertificateFileException(Reason.CORRUPT_KEY, "ciphertext length " + ciphertext.length);
        }
        byte[] passwordBytes = Passwords.utf8(password);
        byte[] derived = null;
        byte[] key = null;
        byte[] iv = null;
        try {
            derived = pbkdf1Sha1(passwordBytes, parameters.salt(), parameters.iterations());
            key = Arrays.copyOf(derived, SEED_KEY_LENGTH);
            iv = NpkiOids.SEED_CBC_WITH_SHA1.equals(algorithm.getAlgorithm())
                    ? ivFromDerivedKey(derived)
                    : LEGACY_IV.clone();
            byte[] plaintext = SeedCbc.decrypt(key, iv, ciphertext);
            PADDING_ACCEPTED.increment();
            return plaintext;
        } finally {
            zero(passwordBytes, derived, key, iv);
        }
    }

    static KeyEncryptionScheme schemeOf(AlgorithmIdentifier algorithm) {
        return NpkiOids.SEED_CBC_WITH_SHA1.equals(algorithm.getAlgorithm())
                ? KeyEncryptionScheme.SEED_CBC_WITH_SHA1
                : KeyEncryptionScheme.SEED_LEGACY;
    }

    /** PKCS#5 v1 PBKDF1 with SHA-1 and the full 20-byte output: SHA-1 applied {@code iterations} times. */
    static byte[] pbkdf1Sha1(byte[] password, byte[] salt, int iterations) {
        SHA1Digest sha1 = new SHA1Digest();
        byte[] derived = new byte[sha1.getDigestSize()];
        sha1.update(password, 0, password.length);
        sha1.update(salt, 0, salt.length);
        sha1.doFinal(derived, 0);
        for (int i = 1; i < iterations; i++) {
            sha1.update(derived, 0, derived.length);
            sha1.doFinal(derived, 0);
        }
        return derived;
    }

    /** The seedCBCWithSHA1 quirk: the IV is the first 16 bytes of SHA-1 over the last 4 bytes of DK. */
    private static byte[] ivFromDerivedKey(byte[] derived) {
        SHA1Digest sha1 = new SHA1Digest();
        byte[] digest = new byte[sha1.getDigestSize()];
        sha1.update(derived, SEED_KEY_LENGTH, derived.length - SEED_KEY_LENGTH);
        sha1.doFinal(digest, 0);
        byte[] iv = Arrays.copyOf(digest, SeedCbc.BLOCK_SIZE);
        Arrays.fill(digest, (byte) 0);
        return iv;
    }

    private static void zero(byte[]... buffers) {
        for (byte[] buffer : buffers) {
            if (buffer != null) {
                Arrays.fill(buffer, (byte) 0);
            }
        }
    }

    /** {@code SEQUENCE { OCTET STRING salt, INTEGER iterations }}. */
    record Parameters(byte[] salt, int iterations) {

        static Parameters of(AlgorithmIdentifier algorithm) {
            ASN1Encodable encoded = algorithm.getParameters();
            byte[] salt;
            BigInteger iterations;
            try {
                ASN1Sequence sequence = ASN1Sequence.getInstance(encoded);
                if (sequence == null || sequence.size() != 2) {
                    throw new IllegalArgumentException("expected SEQUENCE { salt, iterations }");
                }
                salt = ASN1OctetString.getInstance(sequence.getObjectAt(0)).getOctets();
                iterations = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
            } catch (IllegalArgumentException | ClassCastException e) {
                throw new CertificateFileException(Reason.CORRUPT_KEY,
                        "parameters of " + algorithm.getAlgorithm().getId(), e);
            }
            return new Parameters(salt, IterationLimit.check(iterations, algorithm.getAlgorithm().getId(), Reason.CORRUPT_KEY));
        }
    }
}
