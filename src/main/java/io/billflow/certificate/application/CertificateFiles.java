package io.billflow.certificate.application;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

import io.billflow.certificate.api.CertificateRejection;

/**
 * Reads what a supplier uploads (NPKI pair or PKCS#12) with its password, and checks the VID. The
 * implementation ({@code certificate.npki}) throws {@link CertificateRejection} with the precise reason.
 */
public interface CertificateFiles {

    UploadedCertificate readPair(byte[] signCertDer, byte[] signPriKey, char[] password);

    UploadedCertificate readPkcs12(byte[] pfx, char[] password);

    /**
     * Whether the certificate's VID (identifyData in subjectAltName) was made from this business number
     * and the key's random value R; returns the VID hash algorithm ("SHA-256"/"SHA-1") when it matches.
     *
     * @throws CertificateRejection BUSINESS_NUMBER_MISMATCH or NO_VIRTUAL_ID
     */
    String checkVirtualId(X509Certificate certificate, String businessNumber, byte[] randomR);

    /** A decrypted upload. {@link #close()} zeroes the key bytes and R. */
    record UploadedCertificate(X509Certificate certificate, List<X509Certificate> chain, byte[] privateKeyInfo,
                               byte[] randomR, String format) implements AutoCloseable {
        @Override
        public void close() {
            Arrays.fill(privateKeyInfo, (byte) 0);
            if (randomR != null) {
                Arrays.fill(randomR, (byte) 0);
            }
        }
    }
}
