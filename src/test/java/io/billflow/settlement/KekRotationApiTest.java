package io.billflow.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.billflow.BillflowSpringTest;
import io.billflow.TestHttp;
import io.billflow.platform.crypto.KeyEncryptionKeys;
import io.billflow.settlement.api.PayoutAccounts;
import io.billflow.settlement.application.PayoutAccountCipher;
import io.billflow.settlement.domain.SealedValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one rotation step after a KEK change ({@code POST /api/admin/security/rotate-kek}, a platform endpoint):
 * every holder of wrapped data keys re-wraps them, so a payout account sealed under the previous KEK opens with
 * the current one alone afterwards. Lives here because the settlement fixtures make the account.
 */
@BillflowSpringTest
class KekRotationApiTest {

    /** The test profile's previous KEK (application-test.yml). */
    static final byte[] PREVIOUS_KEK = "OLD-TEST-KEK-billflow-32-bytes!!".getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KeyEncryptionKeys keys;

    @Autowired
    PayoutAccounts accounts;

    TestHttp http;
    SettlementFixtures fixtures;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        fixtures = new SettlementFixtures(http);
    }

    @Test
    void oneCallReWrapsEveryHolderAndTheOldKekIsNoLongerNeeded() {
        long group = fixtures.group("키회전 " + System.nanoTime(), List.of("매체"));
        UUID account = jdbc.queryForObject("select id from settlement_payout_account where group_id = ? "
                + "and replaced_at is null", UUID.class, group);
        PayoutAccountCipher previous = new PayoutAccountCipher(new KeyEncryptionKeys(PREVIOUS_KEK, List.of()));
        SealedValue old = previous.seal("group=" + group + "|account=" + account, "110123456789");
        jdbc.update("update settlement_payout_account set account_ciphertext = ?, account_iv = ?, wrapped_dek = ?, "
                + "dek_iv = ?, kek_id = ? where id = ?", old.ciphertext(), old.iv(), old.wrappedDek(), old.dekIv(),
                old.kekId(), account);
        assertThat(old.kekId()).isNotEqualTo(keys.currentId());
        assertThat(accounts.unsealForPayout(group, "test", "before rotation")).as("the previous KEK still opens it")
                .hasValueSatisfying(a -> assertThat(a.accountDigits()).isEqualTo("110123456789"));

        assertThat(http.postJson("/api/admin/security/rotate-kek", "", "operator", "operator").statusCode())
                .isEqualTo(403);
        HttpResponse<String> rotated = http.postJson("/api/admin/security/rotate-kek", "", "admin", "admin");
        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(SettlementFixtures.json(rotated).get("currentKekId").asText()).isEqualTo(keys.currentId());
        assertThat(SettlementFixtures.json(rotated).get("payoutAccounts").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(SettlementFixtures.json(rotated).has("certificates")).isTrue();

        assertThat(jdbc.queryForObject("select count(*) from settlement_payout_account where kek_id <> ?",
                Integer.class, keys.currentId())).isZero();
        PayoutAccountCipher currentOnly = new PayoutAccountCipher(new KeyEncryptionKeys(keys.current().getEncoded(),
                List.of()));
        Map<String, Object> row = jdbc.queryForMap("select * from settlement_payout_account where id = ?", account);
        assertThat(currentOnly.open("group=" + group + "|account=" + account, new SealedValue(
                (byte[]) row.get("account_ciphertext"), (byte[]) row.get("account_iv"), (byte[]) row.get("wrapped_dek"),
                (byte[]) row.get("dek_iv"), (String) row.get("kek_id")))).isEqualTo("110123456789");

        HttpResponse<String> again = http.postJson("/api/admin/security/rotate-kek", "", "admin", "admin");
        assertThat(SettlementFixtures.json(again).get("payoutAccounts").asInt()).as("nothing left").isZero();
        assertThat(SettlementFixtures.json(again).get("certificates").asInt()).isZero();
    }
}
