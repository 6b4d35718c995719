package io.billflow.platform.config;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start a non-local run that lacks a setting it cannot do without, naming the
 * environment variable to set. Runs before any bean exists, so a misconfigured node never touches
 * the database. The {@code local} profile switches it off ({@code billflow.require-production-settings=false}).
 */
public class RequiredSettingsCheck implements EnvironmentPostProcessor, Ordered {

    /** Bank adapters payouts can go through; a real one joins this list when it is written. */
    static final List<String> KNOWN_BANK_PROVIDERS = List.of("simulator");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String bank = env.getProperty("billflow.bank.provider");
        if (!blank(bank) && !KNOWN_BANK_PROVIDERS.contains(bank.strip())) {
            // checked in every profile: without it the start fails later on a missing BankPort bean
            throw new IllegalStateException("BILLFLOW_BANK_PROVIDER: unknown bank adapter '" + bank.strip()
                    + "' (known: " + String.join(", ", KNOWN_BANK_PROVIDERS) + ")");
        }
        if (!env.getProperty("billflow.require-production-settings", Boolean.class, true)) {
            return;
        }
        List<String> missing = missingSettings(env);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("billflow refuses to start without these settings:\n  - "
                    + String.join("\n  - ", missing)
                    + "\n(For a local try-out use the embedded default: ./mvnw spring-boot:run)");
        }
    }

    static List<String> missingSettings(ConfigurableEnvironment env) {
        List<String> missing = new ArrayList<>();
        if (blank(env.getProperty("camunda.bpm.admin-user.password"))) {
            missing.add("BILLFLOW_ADMIN_PASSWORD: password of the bootstrap administrator");
        }
        if (!env.getProperty("billflow.embedded-postgres.enabled", Boolean.class, false)
                && blank(env.getProperty("spring.datasource.url"))) {
            missing.add("BILLFLOW_DB_URL: JDBC URL of PostgreSQL, e.g. jdbc:postgresql://db:5432/billflow");
        }
        String kek = env.getProperty("billflow.security.key-encryption-key");
        if (blank(kek)) {
            missing.add("BILLFLOW_KEK: key-encryption key, 32 random bytes in Base64 (openssl rand -base64 32)");
        } else if (!isAes256Key(kek)) {
            missing.add("BILLFLOW_KEK: must be 32 bytes in Base64 (openssl rand -base64 32)");
        }
        boolean ownSimulator = env.matchesProfiles("nts-simulator");
        if (!ownSimulator && blank(env.getProperty("billflow.nts.url"))) {
            missing.add("BILLFLOW_NTS_URL: URL of the NTS service (or the NTS simulator container), "
                    + "e.g. http://nts:8090/nts-simulator/v1");
        }
        if (blank(env.getProperty("billflow.nts.api-key"))) {
            missing.add("BILLFLOW_NTS_API_KEY: API key for the NTS service (the simulator requires at least 16 characters)");
        }
        if (blank(env.getProperty("billflow.bank.provider"))) {
            // never a default: a production node must not pay into a simulator without someone saying so
            missing.add("BILLFLOW_BANK_PROVIDER: the bank adapter payouts go through; 'simulator' is the only one yet "
                    + "and moves no real money");
        }
        if (blank(env.getProperty("billflow.base-url"))) {
            missing.add("BILLFLOW_BASE_URL: public URL of this installation, used in e-mail links");
        }
        return missing;
    }

    private static boolean isAes256Key(String base64) {
        try {
            return Base64.getDecoder().decode(base64.trim()).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
