package io.billflow.certificate.application;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * CA certificates that {@link CertificateChecks} trusts besides {@code billflow.certificate.trust-anchors}: the
 * embedded default run's generated TEST PKI ({@code billflow.certificate.trust-test-pki}), contributed by dev code
 * that the production jar does not carry.
 *
 * @param anchors       root certificates a chain may end in
 * @param intermediates CA certificates between a root and the suppliers
 */
public record ExtraTrust(List<X509Certificate> anchors, List<X509Certificate> intermediates) {

    public ExtraTrust {
        anchors = List.copyOf(anchors);
        intermediates = List.copyOf(intermediates);
    }
}
