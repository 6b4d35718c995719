package io.billflow.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.billflow.platform.crypto.KeyEncryptionKeys;
import io.billflow.settlement.application.PayoutAccountCipher;
import io.billflow.settlement.application.VerificationCodes;
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

    @Test
    void codesAreSixDigitsAndTheirHashIsBoundToKeyAndRequest() {
        VerificationCodes codes = new VerificationCodes(new KeyEncryptionKeys(OLD_KEK, List.of()));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String code = codes.newCode();
            assertThat(code).matches("\\d{6}");
            seen.add(code);
        }
        assertThat(seen).as("no visible repetition in 2,000 draws from a million").hasSizeGreaterThan(1_990);

        UUID request = UUID.randomUUID();
        byte[] hash = codes.hash(request, "012345");
        assertThat(codes.matches(request, "012345", hash, codes.currentKeyId())).isTrue();
        assertThat(codes.matches(request, "012346", hash, codes.currentKeyId())).isFalse();
        assertThat(codes.matches(UUID.randomUUID(), "012345", hash, codes.currentKeyId())).as("another request").isFalse();
        assertThat(codes.matches(request, "12345", hash, codes.currentKeyId())).isFalse();
        assertThat(codes.matches(request, null, hash, codes.currentKeyId())).isFalse();
        assertThat(codes.matches(request, "012345", hash, "unknown-kek")).isFalse();

        VerificationCodes otherKey = new VerificationCodes(new KeyEncryptionKeys(NEW_KEK, List.of()));
        assertThat(otherKey.hash(request, "012345")).as("keyed: without the KEK the hash cannot be recomputed")
                .isNotEqualTo(hash);
        VerificationCodes rotated = new VerificationCodes(new KeyEncryptionKeys(NEW_KEK, List.of(OLD_KEK)));
        assertThat(rotated.matches(request, "012345", hash, codes.currentKeyId())).as("a code sent before a rotation")
                .isTrue();
    }
}
