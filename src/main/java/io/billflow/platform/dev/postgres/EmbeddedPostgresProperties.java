package io.billflow.platform.dev.postgres;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The in-process PostgreSQL of the embedded default run and of the tests.
 *
 * @param enabled       start PostgreSQL inside the application instead of connecting to {@code spring.datasource.url}
 * @param dataDirectory where the cluster lives; kept across restarts. Empty: a throw-away temporary directory
 * @param port          TCP port on loopback; 0 picks a free one
 * @param database      the database billflow uses (created on first start)
 */
@ConfigurationProperties(prefix = "billflow.embedded-postgres")
public record EmbeddedPostgresProperties(boolean enabled, Path dataDirectory, int port, String database) {

    public EmbeddedPostgresProperties {
        if (database == null || database.isBlank()) {
            database = "billflow";
        }
    }

    public boolean keepsData() {
        return dataDirectory != null && !dataDirectory.toString().isBlank();
    }
}
