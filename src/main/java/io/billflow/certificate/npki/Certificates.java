package io.billflow.certificate.npki;

import java.io.ByteArrayInputStream;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;

import io.billflow.certificate.npki.CertificateFileException.Reason;

/** X.509 parsing with the JDK factory, so that the result works as-is with the JDK's PKIX validator. */
final class Certificates {

    private Certificates() {
    }

    static X509Certificate parse(byte[] der, Reason corrupt) {
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            if (certificate == null) {
                throw new CertificateFileException(corrupt, "no certificate");
            }
            return certificate;
        } catch (CertificateException | RuntimeException e) {
            if (e instanceof CertificateFileException known) {
                throw known;
            }
            throw new CertificateFileException(corrupt, null, e);
        }
    }

    /** NPKI certificates are RSA; the key check compares RSA numbers. */
    static RSAPublicKey requireRsa(X509Certificate certificate) {
        PublicKey key = certificate.getPublicKey();
        if (key instanceof RSAPublicKey rsa) {
            return rsa;
        }
        throw new CertificateFileException(Reason.UNSUPPORTED_KEY_ALGORITHM, key.getAlgorithm());
    }
}
