package io.billflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneId;
import java.util.TimeZone;

import io.billflow.BillflowSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@BillflowSpringTest
class FoundationContextTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Test
    void runsOnARealEmbeddedPostgreSql17() {
        String version = jdbc.queryForObject("show server_version", String.class);
        assertThat(version).startsWith("17.");
        assertThat(jdbc.queryForObject("select current_database()", String.class)).isEqualTo("billflow");
    }

    @Test
    void flywayOwnsOurSchemaAndCamundaCreatedItsOwn() {
        Integer applied = jdbc.queryForObject(
                "select count(*) from flyway_schema_history where version = '1' and success", Integer.class);
        assertThat(applied).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_log", Integer.class)).isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from information_schema.tables where table_name = 'act_ru_job'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void businessTimeIsSeoulWhateverTheHostSays() {
        // surefire starts this JVM with -Duser.timezone=UTC
        assertThat(System.getProperty("user.timezone")).isEqualTo("UTC");
        assertThat(TimeZone.getDefault().toZoneId()).isEqualTo(ZoneId.of("Asia/Seoul"));
        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Asia/Seoul"));
    }
}
