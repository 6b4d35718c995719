package io.billflow.certificate.api;

import java.time.Instant;
import java.util.List;

/**
 * What the supplier portal may do with a supplier's own joint certificate: register one it uploads, and see its
 * registrations. Nothing of the key crosses this interface, sealed or not.
 */
public interface SupplierCertificates {

    /**
     * Registers whatever was uploaded: a PKCS#12 file, or an NPKI pair (signCert.der + signPri.key); absent parts are
     * null or empty. Refused with {@code CertificateRejection} (a reason in Korean and English) or, for a missing
     * part, {@code InvalidInputException}.
     */
    OwnRegistration register(long partnerId, byte[] signCert, byte[] signPri, byte[] pfx, char[] password,
                             String actor);

    /** The partner's registrations, newest first. */
    List<OwnRegistration> history(long partnerId);

    /** What a supplier sees of one registration. */
    record OwnRegistration(String status, String serialNumber, String issuerDn, String keyFormat, Instant expiresAt) {

        public boolean active() {
            return "ACTIVE".equals(status);
        }
    }
}
