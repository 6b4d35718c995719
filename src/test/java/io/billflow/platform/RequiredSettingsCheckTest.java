package io.billflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billflow.platform.config.RequiredSettingsCheck;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class RequiredSettingsCheckTest {

    final RequiredSettingsCheck check = new RequiredSettingsCheck();

    @Test
    void aProductionRunWithoutSecretsIsRefusedNamingEachVariable() {
        MockEnvironment env = new MockEnvironment();
        assertThatThrownBy(() -> check.postProcessEnvironment(env, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BILLFLOW_ADMIN_PASSWORD")
                .hasMessageContaining("BILLFLOW_DB_URL")
                .hasMessageContaining("BILLFLOW_KEK")
                .hasMessageContaining("BILLFLOW_BASE_URL")
                .hasMessageContaining("BILLFLOW_NTS_URL")
                .hasMessageContaining("BILLFLOW_NTS_API_KEY")
                .hasMessageContaining("BILLFLOW_BANK_PROVIDER");
    }

    @Test
    void theBankAdapterIsNamedExplicitlyAndOnlyAKnownOneIsAccepted() {
        MockEnvironment unset = complete();
        unset.setProperty("billflow.bank.provider", "");
        assertThatThrownBy(() -> check.postProcessEnvironment(unset, new SpringApplication()))
                .hasMessageContaining("BILLFLOW_BANK_PROVIDER");
        // even where the production check is off (local), a typo stops the start with a clear message
        MockEnvironment typo = new MockEnvironment().withProperty("billflow.require-production-settings", "false")
                .withProperty("billflow.bank.provider", "simulater");
        assertThatThrownBy(() -> check.postProcessEnvironment(typo, new SpringApplication()))
                .hasMessageContaining("unknown bank adapter 'simulater'").hasMessageContaining("known: simulator");
    }

    @Test
    void aNodeServingTheNtsSimulatorItselfNeedsNoNtsUrl() {
        MockEnvironment env = complete();
        env.setProperty("billflow.nts.url", "");
        assertThatThrownBy(() -> check.postProcessEnvironment(env, new SpringApplication()))
                .hasMessageContaining("BILLFLOW_NTS_URL");
        env.setActiveProfiles("nts-simulator");
        check.postProcessEnvironment(env, new SpringApplication());
    }

    @Test
    void aKeyEncryptionKeyMustBe32Bytes() {
        MockEnvironment env = complete().withProperty("billflow.security.key-encryption-key", "c2hvcnQ=");
        assertThatThrownBy(() -> check.postProcessEnvironment(env, new SpringApplication()))
                .hasMessageContaining("must be 32 bytes");
    }

    @Test
    void aCompleteConfigurationStarts() {
        check.postProcessEnvironment(complete(), new SpringApplication());
    }

    @Test
    void theLocalProfileSwitchesTheCheckOff() {
        MockEnvironment env = new MockEnvironment().withProperty("billflow.require-production-settings", "false");
        check.postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("billflow.require-production-settings")).isEqualTo("false");
    }

    private static MockEnvironment complete() {
        return new MockEnvironment()
                .withProperty("camunda.bpm.admin-user.password", "s3cret!")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/billflow")
                .withProperty("billflow.security.key-encryption-key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
                .withProperty("billflow.base-url", "https://billflow.example.com")
                .withProperty("billflow.nts.url", "http://nts:8090/nts-simulator/v1")
                .withProperty("billflow.nts.api-key", "compose-nts-key-0123456789")
                .withProperty("billflow.bank.provider", "simulator");
    }
}
