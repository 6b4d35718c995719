package io.billflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import io.billflow.platform.dev.postgres.EmbeddedPostgresConfiguration;
import io.billflow.platform.dev.postgres.EmbeddedPostgresProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default keeps its data in a folder: a restart finds what the last run wrote. */
class EmbeddedPostgresRestartTest {

    @TempDir
    Path folder;

    @Test
    void dataSurvivesARestart() throws Exception {
        EmbeddedPostgresProperties properties = new EmbeddedPostgresProperties(true, folder.resolve("postgres"), 0, "billflow");
        EmbeddedPostgresConfiguration configuration = new EmbeddedPostgresConfiguration();

        try (EmbeddedPostgres first = configuration.embeddedPostgres(properties);
             Connection c = first.getDatabase("postgres", "billflow").getConnection();
             Statement s = c.createStatement()) {
            s.execute("create table kept (note text)");
            s.execute("insert into kept values ('세금계산서')");
        }

        try (EmbeddedPostgres second = configuration.embeddedPostgres(properties);
             Connection c = second.getDatabase("postgres", "billflow").getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select note from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("세금계산서");
        }
    }
}
