package io.billflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import io.billflow.BillflowSpringTest;
import io.billflow.certificate.application.ExtraTrust;
import io.billflow.certificate.testpki.TestPki;
import io.billflow.platform.web.DemoAccounts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The production jar leaves the dev code out (ProductionArtifactIT); the embedded default run and the tests keep all
 * of it, wired as before: embedded PostgreSQL, GreenMail, the demo users and the TEST PKI's trust.
 */
@BillflowSpringTest
class LocalDevStackTest {

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    GreenMail devMailServer;

    @Autowired
    List<ExtraTrust> extraTrust;

    @Autowired
    DemoAccounts demoAccounts;

    @Test
    void theLocalProfileHasTheWholeDevStack() {
        assertThat(postgres.getPort()).isPositive();
        assertThat(devMailServer.getSmtp().isRunning()).isTrue();
        assertThat(demoAccounts.accounts()).extracting(DemoAccounts.Account::id)
                .contains("operator", "manager", "manager2", "api-client");
        assertThat(extraTrust).singleElement().satisfies(trust -> {
            assertThat(trust.anchors()).containsExactly(TestPki.trustAnchor());
            assertThat(trust.intermediates()).containsExactly(TestPki.intermediateCa());
        });
    }
}
