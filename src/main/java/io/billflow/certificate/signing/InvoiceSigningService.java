package io.billflow.certificate.signing;

import java.io.ByteArrayInputStream;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;

import io.billflow.certificate.api.CertificatePasswordException;
import io.billflow.certificate.api.InvoiceSigning;
import io.billflow.certificate.api.NoValidCertificateException;
import io.billflow.certificate.api.NtsXmlSignature;
import io.billflow.certificate.application.CertificateRegistry;
import io.billflow.certificate.application.PasswordLockout;
import io.billflow.partner.api.PartnerDirectory;
import io.billflow.platform.crypto.KeyVault;
import io.billflow.platform.web.InvalidInputException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Signs with a stored key, which opens only with the certificate's password typed now: the vault's KEK envelope
 * comes off first, then the password's PBES2 lock ({@link PasswordProtectedKey}). Wrong passwords are counted with
 * the registration's ({@link PasswordLockout}: five in a row lock the certificate for 30 minutes) and audited.
 * Every signature is recorded (who, what, the document's SHA-256, which certificate). The digest is of the
 * document as signed, canonical bytes of the whole TaxInvoice.
 */
@Service
class InvoiceSigningService implements InvoiceSigning {

    private final CertificateRegistry registry;
    private final KeyVault vault;
    private final PasswordLockout lockout;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final PartnerDirectory partners;

    public InvoiceSigningService(CertificateRegistry registry, KeyVault vault, PasswordLockout lockout,
                                 JdbcTemplate jdbc, Clock clock, PartnerDirectory partners) {
        this.partners = partners;
        this.registry = registry;
        this.vault = vault;
        this.lockout = lockout;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public SigningKey open(long partnerId, char[] certificatePassword, String actor) {
        CertificateRegistry.Registration registration = registry.active(partnerId)
                .filter(r -> r.expiresAt().isAfter(clock.instant()) && r.notBefore().isBefore(clock.instant()))
                .orElseThrow(() -> new NoValidCertificateException("Partner " + partnerId
                        + " has no valid registered certificate; it must register one first"));
        if (!registration.passwordProtected()) {
            throw new NoValidCertificateException("The certificate of partner " + partnerId + " was registered before "
                    + "signing asked for its password; it must be registered again");
        }
        if (certificatePassword == null || certificatePassword.length == 0) {
            throw new InvalidInputException("certificatePassword",
                    "is required: the joint certificate's password signs the invoice (공동인증서 비밀번호)");
        }
        Instant locked = lockout.lockedUntil(partnerId);
        if (locked != null) {
            throw CertificatePasswordException.locked(locked);
        }
        X509Certificate certificate = certificate(registration.certificateDer());
        byte[] lockedKey = vault.open(partnerId, registration.serialNumber(), registration.sealedKey());
        try {
            PrivateKey key = PasswordProtectedKey.unlock(lockedKey, certificatePassword, certificate);
            lockout.clear(partnerId);
            return new OpenedKey(partnerId, registration.serialNumber(), certificate, key, actor);
        } catch (PasswordProtectedKey.WrongPassword wrong) {
            int failures = lockout.recordFailure(partnerId, actor, "at signing");
            throw CertificatePasswordException.wrong(failures, PasswordLockout.MAX_FAILURES,
                    lockout.lockedUntil(partnerId));
        } finally {
            Arrays.fill(lockedKey, (byte) 0);
        }
    }

    /** One opened key: signs what it is given until closed, auditing each signature in the caller's transaction. */
    private final class OpenedKey implements SigningKey {

        private final long partnerId;
        private final String serialNumber;
        private final X509Certificate certificate;
        private final String actor;
        private PrivateKey key;

        OpenedKey(long partnerId, String serialNumber, X509Certificate certificate, PrivateKey key, String actor) {
            this.partnerId = partnerId;
            this.serialNumber = serialNumber;
            this.certificate = certificate;
            this.key = key;
            this.actor = actor;
        }

        @Override
        public String serialNumber() {
            return serialNumber;
        }

        @Override
        public String sign(Document taxInvoice, Element nextSibling, String subjectType, String subjectId) {
            if (key == null) {
                throw new IllegalStateException("the signing key is closed");
            }
            NtsXmlSignature.sign(taxInvoice, nextSibling, key, certificate);
            jdbc.update("insert into certificate_signature_audit (signed_at, actor, partner_id, certificate_serial, "
                            + "subject_type, subject_id, document_sha256) values (?, ?, ?, ?, ?, ?, ?)",
                    Timestamp.from(clock.instant()), actor, partnerId, serialNumber, subjectType, subjectId,
                    DocumentDigest.sha256Hex(taxInvoice));
            return serialNumber;
        }

        @Override
        public void close() {
            key = null; // JDK RSA keys cannot be destroyed; dropping the only reference is what is possible
        }
    }

    @Override
    @Transactional(readOnly = true)
    public SignatureCheck verify(byte[] signedXml, String expectedBusinessNumber) {
        NtsXmlSignature.Verification verification = NtsXmlSignature.verify(signedXml);
        if (verification.signer() == null) {
            return new SignatureCheck(false, false, null, verification.reason());
        }
        String serial = verification.signer().getSerialNumber().toString(16);
        boolean matches = registry.registeredForAny(partners.partnerIdsByCorpNum(expectedBusinessNumber.replace("-", "")),
                serial, verification.signer().getIssuerX500Principal().getName());
        String reason = verification.valid() ? (matches ? null : "the signing certificate (serial " + serial
                + ") is not registered for business number " + expectedBusinessNumber) : verification.reason();
        return new SignatureCheck(verification.valid(), matches, serial, reason);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean hasValidCertificate(long partnerId) {
        return registry.active(partnerId).filter(r -> r.expiresAt().isAfter(clock.instant())
                && r.notBefore().isBefore(clock.instant()) && r.passwordProtected()).isPresent();
    }

    private static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalStateException("stored certificate unreadable", e);
        }
    }
}
