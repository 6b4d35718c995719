package io.billflow.certificate.npki;

import java.math.BigInteger;

import io.billflow.certificate.npki.CertificateFileException.Reason;

/**
 * Bounds the password-hashing work an uploaded file can ask for. Real NPKI files use 2048 iterations (docs/reference/
 * pki.md §1) and common PKCS#12 exporters 2048 to 10,000; without a bound, one upload with 2³¹ iterations would hold
 * a CPU for minutes.
 */
final class IterationLimit {

    static final int MAX_ITERATIONS = 1_000_000;

    private IterationLimit() {
    }

    /**
     * @param corrupt the reason to give when the count is not positive: the file is damaged, which file depends on
     *                the caller
     */
    static int check(BigInteger iterations, String algorithm, Reason corrupt) {
        if (iterations.signum() <= 0) {
            throw new CertificateFileException(corrupt,
                    "iteration count " + iterations + " for " + algorithm);
        }
        if (iterations.compareTo(BigInteger.valueOf(MAX_ITERATIONS)) > 0) {
            throw new CertificateFileException(Reason.UNSUPPORTED_ENCRYPTION,
                    "iteration count " + iterations + " above " + MAX_ITERATIONS + " for " + algorithm);
        }
        return iterations.intValue();
    }
}
