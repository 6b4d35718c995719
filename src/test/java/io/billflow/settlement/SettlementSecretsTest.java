package io.billflow.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.billflow.platform.crypto.KeyEncryptionKeys;
import io.billflow.settlement.application.PayoutAccountCipher;
import io.billflow.settlement.domain.SealedValue;
import org.junit.jupiter.api.Test;

/** Sealing payout account numbers and hashing one-time codes under the KEK, including a rotation. Plain JUnit. */
class SettlementSecretsTest {

    static final byte[] OLD_KEK = "old-kek-for-settlement-tests-32b".getBytes(StandardCharsets.US_ASCII);
    static final byte[] NEW_KEK = "new-kek-for-settlement-tests-32b".getBytes(StandardCharsets.US_ASCII);

    final PayoutAccountCipher before = new PayoutAccountCipher(new KeyEncryptionKeys(OLD_KEK, List.of()));
    final PayoutAccountCipher after = new PayoutAccountCipher(new KeyEncryptionKeys(NEW_KEK, List.of(OLD_KEK)));

    @Test
    void aSealedNumberOpensOnlyForItsOwnRecord() {
        SealedValue sealed = before.seal("group=1|account=a", "110-123-456789");

        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("456789");
        assertThat(before.open("group=1|account=a", sealed)).isEqualTo("110-123-456789");
        assertThatThrownBy(() -> before.open("group=2|account=a", sealed)).isInstanceOf(IllegalStateException.class);
        assertThat(before.seal("group=1|account=a", "110-123-456789").ciphertext()).as("fresh data key and IV")
                .isNotEqualTo(sealed.ciphertext());
    }

    @Test
    void afterARotationARewrappedNumberOpensWithoutTheOldKek() {
        SealedValue sealed = before.seal("group=1|account=a", "110-123-456789");
        assertThat(after.open("group=1|account=a", sealed)).as("the old KEK still configured").isEqualTo("110-123-456789");

        SealedValue rewrapped = after.rewrap(sealed);
        assertThat(rewrapped.kekId()).isEqualTo(after.currentKekId()).isNotEqualTo(sealed.kekId());
        assertThat(rewrapped.ciphertext()).as("the number itself is not re-encrypted").isEqualTo(sealed.ciphertext());
        PayoutAccountCipher newOnly = new PayoutAccountCipher(new KeyEncryptionKeys(NEW_KEK, List.of()));
        assertThat(newOnly.open("group=1|account=a", rewrapped)).isEqualTo("110-123-456789");
        assertThatThrownBy(() -> newOnly.open("group=1|account=a", sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not configured");
    }
}
