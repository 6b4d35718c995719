package io.billflow.certificate.api;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The certificate module's face to the invoice module: sign tax invoice documents with the supplier's registered
 * certificate, and verify a signed one. Signing needs the certificate's password, typed by the supplier at that
 * moment: the stored key is locked by it, and billflow keeps no copy of the password (ADR 0001). One opened key
 * signs several invoices, so approving a batch asks for the password once.
 */
public interface InvoiceSigning {

    /**
     * Opens the partner's active signing key with the password its owner just typed.
     *
     * @throws NoValidCertificateException  the partner has no certificate valid now (or one registered before keys
     *                                      were locked by their password: it registers again)
     * @throws CertificatePasswordException the password is wrong (counted) or signing is locked after wrong ones
     * @throws io.billflow.platform.web.InvalidInputException no password was typed ({@code certificatePassword})
     */
    SigningKey open(long partnerId, char[] certificatePassword, String actor);

    /** An opened signing key; close it as soon as the batch is signed. */
    interface SigningKey extends AutoCloseable {

        /** Serial number of the certificate that signs. */
        String serialNumber();

        /** Signs in place (XML-DSig as the NTS standard wants) and audits the signature. */
        String sign(Document taxInvoice, Element signatureNextSibling, String subjectType, String subjectId);

        @Override
        void close();
    }

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
