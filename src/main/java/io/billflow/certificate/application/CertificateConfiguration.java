package io.billflow.certificate.application;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class CertificateConfiguration {

    @Bean
    public CertificateChecks certificateChecks(CertificateProperties properties) {
        return new CertificateChecks(properties);
    }
}
