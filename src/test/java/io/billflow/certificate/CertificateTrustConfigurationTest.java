package io.billflow.certificate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import io.billflow.certificate.application.CertificateConfiguration;
import io.billflow.certificate.application.CertificateProperties;
import io.billflow.certificate.application.ExtraTrust;
import io.billflow.certificate.testpki.TestPki;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * {@code billflow.certificate.trust-test-pki} needs the TEST PKI, which is dev code the production jar does not
 * carry (docs/adr/0005-production-artifact-without-dev-stack.md): there the setting must stop the start, not be
 * silently ignored; with the dev code present the TEST PKI is trusted through {@link ExtraTrust}.
 */
class CertificateTrustConfigurationTest {

    private static CertificateProperties properties(boolean trustTestPki) {
        return new CertificateProperties(List.of(TestPki.POLICY_YESSIGN_CORPORATE), List.of(), List.of(), List.of(),
                trustTestPki, null, null);
    }

    @Test
    void trustingTheTestPkiWithoutItRefusesToStart() {
        StaticListableBeanFactory noDevCode = new StaticListableBeanFactory();
        assertThatThrownBy(() -> new CertificateConfiguration().certificateChecks(properties(true),
                noDevCode.getBeanProvider(ExtraTrust.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("billflow.certificate.trust-test-pki");
    }

    @Test
    void theTestPkiIsTrustedThroughTheDevCodesExtraTrust() {
        StaticListableBeanFactory devCode = new StaticListableBeanFactory();
        devCode.addBean("testPkiTrust", new ExtraTrust(List.of(TestPki.trustAnchor()), List.of(TestPki.intermediateCa())));
        var certificate = TestPki.endEntity().build();

        new CertificateConfiguration().certificateChecks(properties(true), devCode.getBeanProvider(ExtraTrust.class))
                .check(certificate.certificate(), List.of(), Instant.now());
        assertThatThrownBy(() -> new CertificateConfiguration().certificateChecks(properties(false),
                new StaticListableBeanFactory().getBeanProvider(ExtraTrust.class))
                .check(certificate.certificate(), List.of(), Instant.now()))
                .hasMessageContaining("trust anchors");
    }
}
