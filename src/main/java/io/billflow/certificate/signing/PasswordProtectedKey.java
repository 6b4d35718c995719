package io.billflow.certificate.signing;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;

import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfoBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/**
 * The inner lock of a stored signing key: PKCS#8 {@code EncryptedPrivateKeyInfo} under PBES2 (PBKDF2-HMAC-SHA256,
 * AES-256-CBC, BouncyCastle), keyed by the certificate's own password, which billflow never stores. The vault's
 * KEK envelope goes around it, so neither a database dump with the KEK nor anyone with access to billflow can sign:
 * the supplier's password, typed at the moment of approval, is the proof that the supplier signs (ADR 0001).
 */
public final class PasswordProtectedKey {

    /** Handed to the BC builders explicitly rather than registered JVM-wide (as the NPKI reader does). */
    private static final java.security.Provider BC = new BouncyCastleProvider();
    private static final AlgorithmIdentifier HMAC_SHA256 =
            new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE);

    private PasswordProtectedKey() {
    }

    /** The password did not open the key (or opened something that is not this certificate's key). */
    public static final class WrongPassword extends Exception {
        WrongPassword() {
            super("the certificate password does not open the signing key");
        }
    }

    /** Encrypts {@code pkcs8} under {@code password}; the caller still owns and zeroes both. */
    public static byte[] lock(byte[] pkcs8, char[] password, int iterations) {
        try {
            return new PKCS8EncryptedPrivateKeyInfoBuilder(PrivateKeyInfo.getInstance(pkcs8))
                    .build(new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                            .setProvider(BC).setPRF(HMAC_SHA256)
                            .setIterationCount(iterations).build(password))
                    .getEncoded();
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException("PBES2 encryption failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Opens a locked key with the typed password and checks that it is the private half of {@code certificate}.
     * The decrypted PKCS#8 bytes are zeroed here; only the {@link PrivateKey} leaves.
     */
    public static PrivateKey unlock(byte[] locked, char[] password, X509Certificate certificate) throws WrongPassword {
        byte[] pkcs8;
        try {
            pkcs8 = new PKCS8EncryptedPrivateKeyInfo(locked).decryptPrivateKeyInfo(
                    new JcePKCSPBEInputDecryptorProviderBuilder().setProvider(BC)
                            .build(password)).getEncoded();
        } catch (PKCSException | IOException | IllegalArgumentException | IllegalStateException wrong) {
            // a wrong password ends in bad padding or in bytes that are no PrivateKeyInfo
            throw new WrongPassword();
        }
        try {
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            if (!(key instanceof RSAPrivateCrtKey rsa) || !(certificate.getPublicKey() instanceof RSAPublicKey pub)
                    || !rsa.getModulus().equals(pub.getModulus())) {
                throw new WrongPassword(); // padding passed by chance (1 in 256): not this certificate's key
            }
            return key;
        } catch (GeneralSecurityException notAKey) {
            throw new WrongPassword();
        } finally {
            java.util.Arrays.fill(pkcs8, (byte) 0);
        }
    }
}
