package io.billflow.platform.crypto;

import java.nio.file.Path;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The KEK comes from configuration ({@code BILLFLOW_KEK}); outside the local profile the application
 * refuses to start without it (RequiredSettingsCheck). The local profile, when none is given, generates
 * one and keeps it in {@code billflow.security.local-key-file} so a restart still opens stored keys.
 */
@Configuration(proxyBeanMethods = false)
class KeyEncryptionConfiguration {

    @Bean
    public KeyEncryptionKeys keyEncryptionKeys(@Value("${billflow.security.key-encryption-key:}") String kek,
                                               @Value("${billflow.security.previous-key-encryption-keys:}") List<String> previous,
                                               @Value("${billflow.security.local-key-file:}") String localFile) {
        String current = kek;
        if (current == null || current.isBlank()) {
            if (localFile == null || localFile.isBlank()) {
                throw new IllegalStateException("BILLFLOW_KEK (billflow.security.key-encryption-key) is required");
            }
            current = KeyEncryptionKeys.loadOrCreateLocal(Path.of(localFile));
        }
        return KeyEncryptionKeys.fromBase64(current, previous);
    }

    @Bean
    public KeyVault keyVault(KeyEncryptionKeys keys) {
        return new KeyVault(keys);
    }
}
