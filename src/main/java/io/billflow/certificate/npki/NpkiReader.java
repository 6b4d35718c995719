package io.billflow.certificate.npki;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Objects;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.InvalidCipherTextException;

import io.billflow.certificate.npki.CertificateFileException.Reason;

/**
 * Reads a Korean joint certificate (공동인증서) and its password-protected private key, and proves they belong
 * together. Stateless and thread-safe.
 * <p>
 * Both entry points either return a {@link LoadedCertificate} whose key is the certificate's key, or throw a
 * {@link CertificateFileException} whose reason says what is wrong ({@link WrongPasswordException} for a wrong
 * password). The caller keeps ownership of the password array and should zero it.
 */
public final class NpkiReader {

    /**
     * The NPKI pair {@code signCert.der} + {@code signPri.key}. The key file is a PKCS#8 EncryptedPrivateKeyInfo
     * in one of the three forms of docs/reference/pki.md §1: PBES2 (PBKDF2-HMAC-SHA1) with SEED-CBC, KISA
     * seedCBCWithSHA1, or the old direct seedCBC form.
     */
    public LoadedCertificate readPair(byte[] signCertDer, byte[] signPriKey, char[] password) {
        Objects.requireNonNull(signCertDer, "signCertDer");
        Objects.requireNonNull(signPriKey, "signPriKey");
        Objects.requireNonNull(password, "password");
        X509Certificate certificate = Certificates.parse(signCertDer, Reason.CORRUPT_CERTIFICATE);
        Certificates.requireRsa(certificate);
        EncryptedPrivateKeyInfo encrypted = parseEncryptedKey(signPriKey);
        KeyEncryptionScheme scheme = npkiScheme(encrypted.getEncryptionAlgorithm());
        byte[] plaintext = decrypt(encrypted, password);
        try {
            DecryptedKey key = DecryptedKey.parse(plaintext);
            key.requireMatches(certificate.getPublicKey());
            return new LoadedCertificate(certificate, key.der(), key.randomNumber(), scheme);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * A PKCS#12 file (.pfx/.p12). Read with BouncyCastle's {@code PKCS12PfxPdu} rather than {@code KeyStore},
     * which drops the PrivateKeyInfo attributes (R) and cannot read bags encrypted with PBES2/SEED (docs/reference/
     * pki.md §5.6). The MAC is verified when present; the certificate returned is the one whose public key matches
     * the private key.
     */
    public LoadedCertificate readPkcs12(byte[] pfx, char[] password) {
        Objects.requireNonNull(pfx, "pfx");
        Objects.requireNonNull(password, "password");
        return Pkcs12Reader.read(pfx, password);
    }

    static EncryptedPrivateKeyInfo parseEncryptedKey(byte[] encoded) {
        EncryptedPrivateKeyInfo parsed;
        try {
            // fromByteArray also refuses trailing bytes after the structure
            parsed = EncryptedPrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(encoded));
        } catch (IOException | RuntimeException e) {
            throw new CertificateFileException(Reason.CORRUPT_KEY, null, e);
        }
        if (parsed == null) {
            throw new CertificateFileException(Reason.CORRUPT_KEY, "empty file");
        }
        return parsed;
    }

    /** Only the forms NPKI key files come in; anything else is named in the error. */
    static KeyEncryptionScheme npkiScheme(AlgorithmIdentifier algorithm) {
        if (PKCSObjectIdentifiers.id_PBES2.equals(algorithm.getAlgorithm())) {
            PBES2Parameters parameters;
            try {
                parameters = PBES2Parameters.getInstance(algorithm.getParameters());
            } catch (RuntimeException e) {
                throw new CertificateFileException(Reason.CORRUPT_KEY, "PBES2 parameters", e);
            }
            if (!NpkiOids.SEED_CBC.equals(parameters.getEncryptionScheme().getAlgorithm())) {
                throw new CertificateFileException(Reason.UNSUPPORTED_ENCRYPTION, StandardPbe.describe(algorithm));
            }
            return KeyEncryptionScheme.PBES2_SEED;
        }
        if (KisaPbe.handles(algorithm)) {
            return KisaPbe.schemeOf(algorithm);
        }
        throw new CertificateFileException(Reason.UNSUPPORTED_ENCRYPTION, StandardPbe.describe(algorithm));
    }

    /**
     * Decrypts with the scheme named in the file: the KISA PBKDF1 forms by hand, everything else through BC.
     * Returns bytes that passed the padding check only; the caller owns and zeroes them.
     */
    static byte[] decrypt(EncryptedPrivateKeyInfo encrypted, char[] password) {
        if (KisaPbe.handles(encrypted.getEncryptionAlgorithm())) {
            try {
                return KisaPbe.decryptUnverified(encrypted, password);
            } catch (InvalidCipherTextException e) {
                throw new WrongPasswordException();
            }
        }
        return StandardPbe.decrypt(encrypted.getEncryptionAlgorithm(), encrypted.getEncryptedData(), password,
                Reason.CORRUPT_KEY);
    }
}
