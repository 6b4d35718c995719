package io.billflow.certificate.npki;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Objects;

import javax.security.auth.Destroyable;

/**
 * A certificate with its decrypted private key, as read from the user's files. It holds secrets: keep it in a
 * try-with-resources block; {@link #close()} zeroes the key and R.
 * <p>
 * The accessors return the live buffers, not copies, so that no unzeroable copy is made here; a caller that keeps
 * bytes beyond {@code close()} must copy them, and zero its copy.
 */
public final class LoadedCertificate implements AutoCloseable, Destroyable {

    private final X509Certificate certificate;
    private final byte[] privateKeyInfo;
    private final byte[] randomNumber;
    private final KeyEncryptionScheme keyEncryptionScheme;
    private volatile boolean destroyed;

    /**
     * Takes ownership of {@code privateKeyInfo} and {@code randomNumber}: they are zeroed by {@link #close()}.
     *
     * @param randomNumber R, or null when the key carries none
     */
    public LoadedCertificate(X509Certificate certificate, byte[] privateKeyInfo, byte[] randomNumber,
                             KeyEncryptionScheme keyEncryptionScheme) {
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.privateKeyInfo = Objects.requireNonNull(privateKeyInfo, "privateKeyInfo");
        this.randomNumber = randomNumber;
        this.keyEncryptionScheme = Objects.requireNonNull(keyEncryptionScheme, "keyEncryptionScheme");
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * The decrypted PKCS#8 {@code PrivateKeyInfo}, DER, including its attributes (R). The live buffer: zeroed by
     * {@link #close()}.
     */
    public byte[] privateKeyInfo() {
        requireNotDestroyed();
        return privateKeyInfo;
    }

    /**
     * R, the random value of the key attribute {@code 1.2.410.200004.10.1.1.3} needed for the VID check, or null
     * when the key carries none. The live buffer: zeroed by {@link #close()}.
     */
    public byte[] randomNumber() {
        requireNotDestroyed();
        return randomNumber;
    }

    public boolean hasRandomNumber() {
        return randomNumber != null;
    }

    public KeyEncryptionScheme keyEncryptionScheme() {
        return keyEncryptionScheme;
    }

    /**
     * The key as a JCA RSA private key, for signing. JCA key objects cannot be wiped, so create it only for the
     * signing call that needs it.
     */
    public PrivateKey toPrivateKey() {
        requireNotDestroyed();
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(privateKeyInfo));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the verified private key cannot be turned into a JCA key", e);
        }
    }

    /** Zeroes the private key and R. Idempotent. */
    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(privateKeyInfo, (byte) 0);
        if (randomNumber != null) {
            Arrays.fill(randomNumber, (byte) 0);
        }
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    /** Same as {@link #destroy()}. */
    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "LoadedCertificate[" + certificate.getSubjectX500Principal().getName() + ", serial "
                + certificate.getSerialNumber().toString(16) + ", " + keyEncryptionScheme
                + (destroyed ? ", destroyed" : "") + "]";
    }

    private void requireNotDestroyed() {
        if (destroyed) {
            throw new IllegalStateException("the private key has been destroyed");
        }
    }
}
