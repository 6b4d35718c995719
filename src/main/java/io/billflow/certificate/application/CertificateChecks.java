package io.billflow.certificate.application;

import static io.billflow.certificate.api.CertificateRejection.Reason.BANKING_ONLY;
import static io.billflow.certificate.api.CertificateRejection.Reason.EXPIRED;
import static io.billflow.certificate.api.CertificateRejection.Reason.NOT_YET_VALID;
import static io.billflow.certificate.api.CertificateRejection.Reason.POLICY_NOT_ALLOWED;
import static io.billflow.certificate.api.CertificateRejection.Reason.UNTRUSTED_CHAIN;
import static io.billflow.certificate.api.CertificateRejection.Reason.WEAK_KEY;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.billflow.certificate.api.CertificateRejection;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.springframework.core.io.Resource;

/**
 * The checks on the certificate itself: validity period, key strength, policy whitelist and chain of
 * trust (PKIX up to a configured root, CA certificates from the file where a PKCS#12 carries them).
 * Revocation (CRL over LDAP, OCSP) is not checked here: the NTS checks it again on transmission.
 */
public class CertificateChecks {

    private final Set<String> allowedPolicies;
    private final Set<String> bankingOnlyPolicies;
    private final Set<TrustAnchor> anchors;
    private final List<X509Certificate> intermediates;

    /** @param extraTrust CA certificates trusted besides the configured ones (the local run's TEST PKI) */
    public CertificateChecks(CertificateProperties properties, List<ExtraTrust> extraTrust) {
        this.allowedPolicies = Set.copyOf(properties.allowedPolicies());
        this.bankingOnlyPolicies = Set.copyOf(properties.bankingOnlyPolicies());
        Set<TrustAnchor> trust = new HashSet<>();
        for (Resource resource : properties.trustAnchors()) {
            trust.add(new TrustAnchor(load(resource), null));
        }
        List<X509Certificate> intermediateCerts = new ArrayList<>(
                properties.intermediateCertificates().stream().map(CertificateChecks::load).toList());
        for (ExtraTrust extra : extraTrust) {
            extra.anchors().forEach(anchor -> trust.add(new TrustAnchor(anchor, null)));
            intermediateCerts.addAll(extra.intermediates());
        }
        this.anchors = Set.copyOf(trust);
        this.intermediates = List.copyOf(intermediateCerts);
    }

    public void check(X509Certificate certificate, List<X509Certificate> chainFromFile, Instant now) {
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            throw new CertificateRejection(NOT_YET_VALID, "아직 유효기간이 시작되지 않은 인증서입니다 (" + certificate.getNotBefore().toInstant() + "부터).",
                    "The certificate is not valid yet (valid from " + certificate.getNotBefore().toInstant() + ").");
        }
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            throw new CertificateRejection(EXPIRED, "유효기간이 만료된 인증서입니다 (" + certificate.getNotAfter().toInstant() + " 만료). 갱신한 인증서를 등록해 주세요.",
                    "The certificate expired on " + certificate.getNotAfter().toInstant() + "; register the renewed one.");
        }
        if (!(certificate.getPublicKey() instanceof RSAPublicKey rsa) || rsa.getModulus().bitLength() < 2048) {
            int bits = certificate.getPublicKey() instanceof RSAPublicKey r ? r.getModulus().bitLength() : 0;
            throw new CertificateRejection(WEAK_KEY, "RSA 2048비트 미만의 키(" + bits + "비트)는 국세청 전자세금계산서 서명에 사용할 수 없습니다.",
                    "RSA keys under 2048 bits (this one: " + bits + ") cannot sign NTS e-tax invoices.");
        }
        String policy = policyOf(certificate).orElse("(none)");
        if (bankingOnlyPolicies.contains(policy)) {
            throw new CertificateRejection(BANKING_ONLY, "은행·보험·증권·카드 전용(용도제한) 인증서입니다. 범용 또는 전자세금용 사업자 인증서를 등록해 주세요.",
                    "This is a banking-only certificate (policy " + policy + "); register a general-purpose corporate "
                            + "or e-tax-invoice certificate.");
        }
        if (!allowedPolicies.contains(policy)) {
            throw new CertificateRejection(POLICY_NOT_ALLOWED, "전자세금계산서 발행에 쓸 수 없는 인증서 정책(" + policy + ")입니다. 범용 또는 전자세금용 사업자 인증서가 필요합니다.",
                    "Certificate policy " + policy + " is not accepted for e-tax invoices; a general-purpose corporate "
                            + "or e-tax-invoice certificate is required.");
        }
        validateChain(certificate, chainFromFile, now);
    }

    private void validateChain(X509Certificate certificate, List<X509Certificate> chainFromFile, Instant now) {
        if (anchors.isEmpty()) {
            throw untrusted("no trust anchors are configured (billflow.certificate.trust-anchors)");
        }
        try {
            List<X509Certificate> path = new ArrayList<>();
            path.add(certificate);
            X509Certificate current = certificate;
            List<X509Certificate> pool = new ArrayList<>(chainFromFile);
            pool.addAll(intermediates);
            while (!isIssuedByAnchor(current)) {
                X509Certificate issuer = findIssuer(current, pool);
                if (issuer == null) {
                    throw untrusted("no issuer certificate for " + current.getIssuerX500Principal().getName()
                            + " leads to a trusted root");
                }
                path.add(issuer);
                pool.remove(issuer);
                current = issuer;
            }
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(now));
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
        } catch (CertPathValidatorException e) {
            throw untrusted(e.getReason() + ": " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw untrusted(e.getMessage());
        }
    }

    private boolean isIssuedByAnchor(X509Certificate certificate) {
        return anchors.stream().anyMatch(a -> a.getTrustedCert().getSubjectX500Principal()
                .equals(certificate.getIssuerX500Principal()) && verifies(certificate, a.getTrustedCert()));
    }

    private static X509Certificate findIssuer(X509Certificate certificate, List<X509Certificate> pool) {
        return pool.stream().filter(c -> c.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                && verifies(certificate, c)).findFirst().orElse(null);
    }

    private static boolean verifies(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static CertificateRejection untrusted(String detail) {
        return new CertificateRejection(UNTRUSTED_CHAIN, "신뢰할 수 있는 공인 인증기관(최상위 인증기관)까지 인증서 경로를 확인할 수 없습니다.",
                "The certificate's chain does not lead to a trusted root: " + detail);
    }

    /** The first certificate policy OID, as the Korean CAs put exactly one. */
    public static Optional<String> policyOf(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(Extension.certificatePolicies.getId());
        if (extension == null) {
            return Optional.empty();
        }
        try {
            ASN1Primitive value = ASN1Primitive.fromByteArray(DEROctetString.getInstance(extension).getOctets());
            PolicyInformation[] policies = CertificatePolicies.getInstance(value).getPolicyInformation();
            return policies.length == 0 ? Optional.empty() : Optional.of(policies[0].getPolicyIdentifier().getId());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static X509Certificate load(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read trust anchor " + resource, e);
        }
    }
}
