package io.billflow.certificate.application;

import io.billflow.certificate.api.CertificateRejection;
import io.billflow.certificate.api.SupplierCertificates;
import static io.billflow.certificate.api.CertificateRejection.Reason.LOCKED;
import static io.billflow.certificate.api.CertificateRejection.Reason.NOT_A_BUSINESS;
import static io.billflow.certificate.api.CertificateRejection.Reason.WRONG_PASSWORD;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import io.billflow.certificate.signing.PasswordProtectedKey;
import io.billflow.platform.crypto.KeyRewrapping;
import io.billflow.platform.crypto.KeyVault;
import io.billflow.platform.crypto.SealedKey;
import io.billflow.partner.api.PartnerDirectory;
import io.billflow.partner.api.PartnerSnapshot;
import io.billflow.platform.audit.AuditEntry;
import io.billflow.platform.audit.AuditLog;
import io.billflow.platform.web.ResourceNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration of a supplier's joint certificate: read it with the password (never stored), check it,
 * check that it belongs to the partner's business number (VID), and keep the private key sealed in the
 * vault. Registering again replaces the previous registration (renewal). A registration lasts until the
 * certificate expires, at most {@code max-registration-days}.
 */
@Service
public class CertificateService implements KeyRewrapping, SupplierCertificates {

    private final CertificateFiles files;
    private final CertificateChecks checks;
    private final CertificateRegistry registry;
    private final PasswordLockout lockout;
    private final KeyVault vault;
    private final PartnerDirectory partners;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration maxRegistration;
    private final int signingKeyIterations;

    public CertificateService(CertificateFiles files, CertificateChecks checks, CertificateRegistry registry,
                              PasswordLockout lockout, KeyVault vault, PartnerDirectory partners, AuditLog audit,
                              Clock clock, CertificateProperties properties) {
        this.files = files;
        this.checks = checks;
        this.registry = registry;
        this.lockout = lockout;
        this.vault = vault;
        this.partners = partners;
        this.audit = audit;
        this.clock = clock;
        this.maxRegistration = Duration.ofDays(properties.maxRegistrationDays());
        this.signingKeyIterations = properties.signingKeyIterations();
    }

    /**
     * Registers whatever was uploaded: a PKCS#12 file, or an NPKI pair (signCert.der + signPri.key).
     * Absent parts are null or empty.
     */
    @Transactional
    public CertificateRegistry.Registration registerUpload(long partnerId, byte[] signCert, byte[] signPri, byte[] pfx,
                                                           char[] password, String actor) {
        boolean hasPfx = pfx != null && pfx.length > 0;
        boolean hasPair = signCert != null && signCert.length > 0 && signPri != null && signPri.length > 0;
        if (hasPfx && (signCert != null || signPri != null)) {
            throw new io.billflow.platform.web.InvalidInputException("pfx", "send either pfx or signCert + signPri, not both");
        }
        if (hasPfx) {
            return registerPkcs12(partnerId, pfx, password, actor);
        }
        if (hasPair) {
            return registerPair(partnerId, signCert, signPri, password, actor);
        }
        throw new io.billflow.platform.web.InvalidInputException("signCert",
                "send signCert.der and signPri.key, or a pfx/p12 file");
    }

    @Transactional
    public CertificateRegistry.Registration registerPair(long partnerId, byte[] signCertDer, byte[] signPriKey,
                                                         char[] password, String actor) {
        return register(partnerId, () -> files.readPair(signCertDer, signPriKey, password.clone()), password, actor);
    }

    @Transactional
    public CertificateRegistry.Registration registerPkcs12(long partnerId, byte[] pfx, char[] password, String actor) {
        return register(partnerId, () -> files.readPkcs12(pfx, password.clone()), password, actor);
    }

    /**
     * Reads and checks the upload, then stores its private key locked by the certificate's password (PBES2) and
     * sealed under the KEK: the password itself is not kept, so every signature needs it again (ADR 0001).
     */
    private CertificateRegistry.Registration register(long partnerId, Supplier<CertificateFiles.UploadedCertificate> read,
                                                      char[] password, String actor) {
        PartnerSnapshot partner = partners.partner(partnerId)
                .orElseThrow(() -> new ResourceNotFoundException("No partner " + partnerId));
        if (partner.corpNum() == null) {
            throw new CertificateRejection(NOT_A_BUSINESS, "개인 파트너는 세금계산서를 발행하지 않으므로 인증서를 등록하지 않습니다.",
                    "Individuals issue no tax invoices and register no certificate.");
        }
        Instant locked = lockout.lockedUntil(partnerId);
        if (locked != null) {
            throw new CertificateRejection(LOCKED, "비밀번호를 5회 잘못 입력하여 " + locked + "까지 인증서 등록이 잠겼습니다.",
                    "Five wrong passwords in a row: certificate registration is locked until " + locked + ".");
        }
        CertificateFiles.UploadedCertificate upload;
        try {
            upload = read.get();
        } catch (CertificateRejection rejection) {
            if (rejection.reason() == WRONG_PASSWORD) {
                lockout.recordFailure(partnerId, actor, "at registration");
            }
            throw rejection;
        }
        try (upload) {
            Instant now = clock.instant();
            checks.check(upload.certificate(), upload.chain(), now);
            String vidAlgorithm = files.checkVirtualId(upload.certificate(), partner.corpNum(), upload.randomR());
            lockout.clear(partnerId);
            String serial = upload.certificate().getSerialNumber().toString(16);
            byte[] lockedKey = PasswordProtectedKey.lock(upload.privateKeyInfo(), password, signingKeyIterations);
            SealedKey sealed;
            try {
                sealed = vault.seal(partnerId, serial, lockedKey);
            } finally {
                java.util.Arrays.fill(lockedKey, (byte) 0);
            }
            boolean renewal = registry.end(partnerId, "REPLACED", now);
            Instant notAfter = upload.certificate().getNotAfter().toInstant();
            Instant expiresAt = notAfter.isBefore(now.plus(maxRegistration)) ? notAfter : now.plus(maxRegistration);
            CertificateRegistry.Registration registration = new CertificateRegistry.Registration(0, partnerId, "ACTIVE",
                    serial, upload.certificate().getIssuerX500Principal().getName(),
                    upload.certificate().getSubjectX500Principal().getName(),
                    CertificateChecks.policyOf(upload.certificate()).orElseThrow(),
                    ((RSAPublicKey) upload.certificate().getPublicKey()).getModulus().bitLength(), upload.format(),
                    upload.certificate().getNotBefore().toInstant(), notAfter, expiresAt, vidAlgorithm,
                    encoded(upload), sealed, now, actor, null, CertificateRegistry.Registration.PASSWORD_PBES2);
            long id = registry.insert(registration);
            audit.save(AuditEntry.of(now, actor, renewal ? "CERTIFICATE_RENEWED" : "CERTIFICATE_REGISTERED", "partner",
                    String.valueOf(partnerId), "serial " + serial + ", " + upload.format()));
            return registry.active(partnerId).filter(r -> r.id() == id).orElseThrow();
        }
    }

    @Transactional
    public void delete(long partnerId, String actor) {
        if (!registry.end(partnerId, "DELETED", clock.instant())) {
            throw new ResourceNotFoundException("Partner " + partnerId + " has no registered certificate");
        }
        audit.save(AuditEntry.of(clock.instant(), actor, "CERTIFICATE_DELETED", "partner", String.valueOf(partnerId), null));
    }

    @Override
    @Transactional
    public OwnRegistration register(long partnerId, byte[] signCert, byte[] signPri, byte[] pfx, char[] password,
                                    String actor) {
        return own(registerUpload(partnerId, signCert, signPri, pfx, password, actor));
    }

    @Override
    public List<OwnRegistration> history(long partnerId) {
        return registrations(partnerId).stream().map(CertificateService::own).toList();
    }

    private static OwnRegistration own(CertificateRegistry.Registration r) {
        return new OwnRegistration(r.status(), r.serialNumber(), r.issuerDn(), r.keyFormat(), r.expiresAt());
    }

    @Transactional(readOnly = true)
    public List<CertificateRegistry.Registration> registrations(long partnerId) {
        partners.partner(partnerId).orElseThrow(() -> new ResourceNotFoundException("No partner " + partnerId));
        return registry.history(partnerId);
    }

    @Override
    public String holding() {
        return "certificates";
    }

    /** KEK rotation: re-wraps every active record's data key under the current KEK; returns how many. */
    @Override
    @Transactional
    public int rewrapAll(String actor) {
        List<CertificateRegistry.Registration> stale = registry.activeNotWrappedBy(vault.currentKekId());
        for (CertificateRegistry.Registration registration : stale) {
            registry.replaceWrapping(registration.id(), vault.rewrap(registration.sealedKey()));
        }
        audit.save(AuditEntry.of(clock.instant(), actor, "CERTIFICATE_KEK_ROTATED", "kek", vault.currentKekId(),
                stale.size() + " data keys re-wrapped"));
        return stale.size();
    }

    private static byte[] encoded(CertificateFiles.UploadedCertificate upload) {
        try {
            return upload.certificate().getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
