package io.billflow.certificate.adapter.dev;

import java.util.List;

import io.billflow.certificate.application.ExtraTrust;
import io.billflow.certificate.testpki.TestPki;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code billflow.certificate.trust-test-pki=true} (the local profile): certificates from
 * {@code /dev/test-certificates} chain up to a trusted root. Dev code, not in the production jar.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "billflow.certificate", name = "trust-test-pki", havingValue = "true")
class TestPkiTrustConfiguration {

    @Bean
    public ExtraTrust testPkiTrust() {
        return new ExtraTrust(List.of(TestPki.trustAnchor()), List.of(TestPki.intermediateCa()));
    }
}
