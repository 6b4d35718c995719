package io.billflow.certificate.api;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The certificate module's face to the invoice module: sign a tax invoice document with the supplier's
 * registered certificate (no password: the key is opened from the vault for this one signature), and
 * verify a signed one.
 */
public interface InvoiceSigning {

    /**
     * Signs in place with the partner's active certificate and audits it.
     *
     * @return the serial number of the certificate used
     * @throws io.billflow.certificate.api.NoValidCertificateException when the partner has none that is valid now
     */
    String sign(long partnerId, Document taxInvoice, Element signatureNextSibling, String subjectType, String subjectId,
                String actor);

    /** Checks the signature and that its certificate is the one registered for {@code expectedBusinessNumber}. */
    SignatureCheck verify(byte[] signedXml, String expectedBusinessNumber);

    /** Whether the partner has a registered certificate valid now (the portal asks before approval). */
    boolean hasValidCertificate(long partnerId);

    /**
     * @param signatureValid  the cryptographic check
     * @param signerMatches   the signing certificate is (or was) registered for the expected business number
     */
    record SignatureCheck(boolean signatureValid, boolean signerMatches, String signerSerial, String reason) {
        public boolean valid() {
            return signatureValid && signerMatches;
        }
    }
}
