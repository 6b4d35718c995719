package io.billflow.certificate.application;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Which certificates a supplier may register.
 *
 * @param allowedPolicies   certificate policy OIDs accepted for signing tax invoices (범용 법인 of the five CAs,
 *                          INIPASS 법인, and the 전자세금용 policies)
 * @param bankingOnlyPolicies policy OIDs refused with the explicit reason "banking-only" (은행/보험/증권/카드용)
 * @param trustAnchors      PEM or DER root certificates (e.g. KISA RootCA 4); a chain must end in one of them
 * @param intermediateCertificates CA certificates between a root and the suppliers (e.g. yessignCA Class 2),
 *                          needed because an NPKI pair carries only the supplier's own certificate
 * @param trustTestPki      also trust the generated TEST PKI (local profile only: lets a newcomer register
 *                          a test certificate from /dev/test-certificates); never in production
 * @param maxRegistrationDays how long a registration lasts at most (one year), capped by the certificate's expiry
 * @param signingKeyIterations PBKDF2 iterations of the password lock on a stored signing key (OWASP 2023 asks
 *                          600,000 for PBKDF2-HMAC-SHA256; each approval pays one derivation, a batch one in all)
 */
@ConfigurationProperties(prefix = "billflow.certificate")
public record CertificateProperties(List<String> allowedPolicies, List<String> bankingOnlyPolicies,
                                    List<Resource> trustAnchors, List<Resource> intermediateCertificates,
                                    boolean trustTestPki, Integer maxRegistrationDays, Integer signingKeyIterations) {

    public CertificateProperties {
        allowedPolicies = allowedPolicies == null ? List.of() : List.copyOf(allowedPolicies);
        bankingOnlyPolicies = bankingOnlyPolicies == null ? List.of() : List.copyOf(bankingOnlyPolicies);
        trustAnchors = trustAnchors == null ? List.of() : List.copyOf(trustAnchors);
        intermediateCertificates = intermediateCertificates == null ? List.of() : List.copyOf(intermediateCertificates);
        maxRegistrationDays = maxRegistrationDays == null ? 365 : maxRegistrationDays;
        signingKeyIterations = signingKeyIterations == null ? 600_000 : signingKeyIterations;
        if (signingKeyIterations < 1_000) {
            throw new IllegalArgumentException("billflow.certificate.signing-key-iterations must be at least 1000");
        }
    }
}
