package io.billflow.certificate.application;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class CertificateConfiguration {

    @Bean
    public CertificateChecks certificateChecks(CertificateProperties properties, ObjectProvider<ExtraTrust> extraTrust) {
        List<ExtraTrust> extra = extraTrust.orderedStream().toList();
        if (properties.trustTestPki() && extra.isEmpty()) {
            // the TEST PKI is dev code (certificate.testpki): on the classpath of ./mvnw spring-boot:run and the
            // tests, never in the production jar; refuse rather than start without the trust the setting asked for
            throw new IllegalStateException("billflow.certificate.trust-test-pki=true, but this artifact has no TEST PKI "
                    + "(the production jar carries no dev code); remove the setting or use ./mvnw spring-boot:run");
        }
        return new CertificateChecks(properties, extra);
    }
}
