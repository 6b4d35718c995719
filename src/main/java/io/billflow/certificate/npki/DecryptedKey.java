package io.billflow.certificate.npki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;

import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;

import io.billflow.certificate.npki.CertificateFileException.Reason;

/**
 * A decrypted PKCS#8 {@code PrivateKeyInfo}, checked the way docs/reference/pki.md asks (§5.4): the padding check
 * lets a wrong password through about once in 256, so the bytes must parse as a PrivateKeyInfo <em>and</em> the
 * RSA modulus and public exponent must equal the certificate's.
 * <p>
 * No exception raised here carries a cause or a message derived from the decrypted bytes.
 */
final class DecryptedKey {

    private final PrivateKeyInfo info;
    private final RSAPrivateKey rsa;

    private DecryptedKey(PrivateKeyInfo info, RSAPrivateKey rsa) {
        this.info = info;
        this.rsa = rsa;
    }

    /**
     * Parses freshly decrypted bytes. Anything that is not a PrivateKeyInfo means the password was wrong: the
     * cipher was run with a wrong key and produced noise that happened to end in a valid padding.
     */
    static DecryptedKey parse(byte[] plaintext) {
        PrivateKeyInfo info;
        try {
            info = PrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(plaintext));
        } catch (IOException | RuntimeException e) {
            throw new WrongPasswordException();
        }
        if (info == null) {
            throw new WrongPasswordException();
        }
        if (!PKCSObjectIdentifiers.rsaEncryption.equals(info.getPrivateKeyAlgorithm().getAlgorithm())) {
            // A well-formed key of another algorithm: the password was right, the pair is not.
            return new DecryptedKey(info, null);
        }
        try {
            return new DecryptedKey(info, RSAPrivateKey.getInstance(info.parsePrivateKey()));
        } catch (IOException | RuntimeException e) {
            throw new CertificateFileException(Reason.CORRUPT_KEY, "RSA private key structure");
        }
    }

    /** For a PKCS#12 file, where there is no single certificate to check first. */
    void requireRsa() {
        if (rsa == null) {
            throw new CertificateFileException(Reason.UNSUPPORTED_KEY_ALGORITHM,
                    info.getPrivateKeyAlgorithm().getAlgorithm().getId());
        }
    }

    /** True when this is the RSA private key of {@code publicKey}. */
    boolean matches(PublicKey publicKey) {
        return rsa != null && publicKey instanceof RSAPublicKey certificateKey
                && rsa.getModulus().equals(certificateKey.getModulus())
                && rsa.getPublicExponent().equals(certificateKey.getPublicExponent());
    }

    /**
     * @throws CertificateFileException KEY_CERT_MISMATCH when the key belongs to another certificate; CORRUPT_KEY
     *                                  when it matches but its numbers are inconsistent (a damaged file that
     *                                  still decrypted, which would only fail later, at signing)
     */
    void requireMatches(PublicKey certificateKey) {
        if (!matches(certificateKey)) {
            throw new CertificateFileException(Reason.KEY_CERT_MISMATCH);
        }
        if (!isConsistent(rsa)) {
            throw new CertificateFileException(Reason.CORRUPT_KEY, "inconsistent RSA private key");
        }
    }

    /** The DER encoding, attributes (R) included. The caller owns and must zero it. */
    byte[] der() {
        try {
            return info.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new CertificateFileException(Reason.CORRUPT_KEY, "private key cannot be DER-encoded");
        }
    }

    /**
     * R from the attribute {@code randomNum} ({@code 1.2.410.200004.10.1.1.3}, a BIT STRING), or null when the
     * key has none: PyPinkSign notes that some keys lack it.
     */
    byte[] randomNumber() {
        ASN1Set attributes = info.getAttributes();
        if (attributes == null) {
            return null;
        }
        try {
            for (ASN1Encodable element : attributes) {
                Attribute attribute = Attribute.getInstance(element);
                if (NpkiOids.RANDOM_NUM.equals(attribute.getAttrType())) {
                    ASN1Set values = attribute.getAttrValues();
                    if (values.size() != 1) {
                        throw new IllegalArgumentException("randomNum must have one value");
                    }
                    return ASN1BitString.getInstance(values.getObjectAt(0)).getOctets();
                }
            }
        } catch (RuntimeException e) {
            throw new CertificateFileException(Reason.CORRUPT_KEY, "randomNum attribute");
        }
        return null;
    }

    /**
     * The CRT numbers agree with the modulus and exponents. A ciphertext damaged inside, say, the private
     * exponent can still decrypt into a well-formed key whose modulus matches.
     */
    private static boolean isConsistent(RSAPrivateKey key) {
        BigInteger p = key.getPrime1();
        BigInteger q = key.getPrime2();
        BigInteger e = key.getPublicExponent();
        BigInteger d = key.getPrivateExponent();
        if (p.signum() <= 0 || q.signum() <= 0 || d.signum() <= 0) {
            return false;
        }
        BigInteger pMinus1 = p.subtract(BigInteger.ONE);
        BigInteger qMinus1 = q.subtract(BigInteger.ONE);
        BigInteger lambda = pMinus1.divide(pMinus1.gcd(qMinus1)).multiply(qMinus1);
        return p.multiply(q).equals(key.getModulus())
                && e.multiply(d).mod(lambda).equals(BigInteger.ONE)
                && key.getExponent1().equals(d.mod(pMinus1))
                && key.getExponent2().equals(d.mod(qMinus1))
                && key.getCoefficient().multiply(q).mod(p).equals(BigInteger.ONE);
    }
}
