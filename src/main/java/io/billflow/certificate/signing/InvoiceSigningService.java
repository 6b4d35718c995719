package io.billflow.certificate.signing;

import java.io.ByteArrayInputStream;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import io.billflow.certificate.api.InvoiceSigning;
import io.billflow.certificate.api.NoValidCertificateException;
import io.billflow.certificate.application.CertificateRegistry;
import io.billflow.platform.crypto.KeyVault;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Signs with a stored key: opened from the vault for one signature, turned into a {@link PrivateKey},
 * used, and its bytes zeroed. Every signature is recorded (who, what, the document's SHA-256, which
 * certificate). The digest is of the document as signed, canonical bytes of the whole TaxInvoice.
 */
@Service
public class InvoiceSigningService implements InvoiceSigning {

    private final CertificateRegistry registry;
    private final KeyVault vault;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public InvoiceSigningService(CertificateRegistry registry, KeyVault vault, JdbcTemplate jdbc, Clock clock) {
        this.registry = registry;
        this.vault = vault;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public String sign(long partnerId, Document taxInvoice, Element nextSibling, String subjectType, String subjectId,
                       String actor) {
        CertificateRegistry.Registration registration = registry.active(partnerId)
                .filter(r -> r.expiresAt().isAfter(clock.instant()) && r.notBefore().isBefore(clock.instant()))
                .orElseThrow(() -> new NoValidCertificateException("Partner " + partnerId
                        + " has no valid registered certificate; it must register one first"));
        X509Certificate certificate = certificate(registration.certificateDer());
        byte[] pkcs8 = vault.open(partnerId, registration.serialNumber(), registration.sealedKey());
        try {
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            NtsXmlSignature.sign(taxInvoice, nextSibling, key, certificate);
        } catch (java.security.GeneralSecurityException e) {
            throw new NtsXmlSignature.SignatureFailure("the stored key cannot be used: " + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
        jdbc.update("insert into certificate_signature_audit (signed_at, actor, partner_id, certificate_serial, "
                        + "subject_type, subject_id, document_sha256) values (?, ?, ?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()), actor, partnerId, registration.serialNumber(), subjectType, subjectId,
                DocumentDigest.sha256Hex(taxInvoice));
        return registration.serialNumber();
    }

    @Override
    @Transactional(readOnly = true)
    public SignatureCheck verify(byte[] signedXml, String expectedBusinessNumber) {
        NtsXmlSignature.Verification verification = NtsXmlSignature.verify(signedXml);
        if (verification.signer() == null) {
            return new SignatureCheck(false, false, null, verification.reason());
        }
        String serial = verification.signer().getSerialNumber().toString(16);
        List<Integer> registered = jdbc.queryForList("""
                select 1 from certificate_registration c join partner p on p.id = c.partner_id
                where p.corp_num = ? and c.serial_number = ? and c.issuer_dn = ?""", Integer.class,
                expectedBusinessNumber.replace("-", ""), serial, verification.signer().getIssuerX500Principal().getName());
        boolean matches = !registered.isEmpty();
        String reason = verification.valid() ? (matches ? null : "the signing certificate (serial " + serial
                + ") is not registered for business number " + expectedBusinessNumber) : verification.reason();
        return new SignatureCheck(verification.valid(), matches, serial, reason);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean hasValidCertificate(long partnerId) {
        return registry.active(partnerId).filter(r -> r.expiresAt().isAfter(clock.instant())
                && r.notBefore().isBefore(clock.instant())).isPresent();
    }

    private static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalStateException("stored certificate unreadable", e);
        }
    }
}
