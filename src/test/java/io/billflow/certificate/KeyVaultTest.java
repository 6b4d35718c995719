package io.billflow.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;

import io.billflow.platform.crypto.KeyEncryptionKeys;
import io.billflow.platform.crypto.KeyVault;
import io.billflow.platform.crypto.SealedKey;
import org.junit.jupiter.api.Test;

class KeyVaultTest {

    static final byte[] PKCS8 = "-- pretend PKCS#8 private key bytes --".getBytes(StandardCharsets.US_ASCII);

    static byte[] kek() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Test
    void sealsAndOpensBoundToPartnerAndSerial() {
        KeyVault vault = new KeyVault(new KeyEncryptionKeys(kek(), List.of()));
        SealedKey sealed = vault.seal(7, "1a2b", PKCS8);
        assertThat(sealed.ciphertext()).isNotEqualTo(PKCS8);
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("PKCS#8");
        assertThat(vault.open(7, "1a2b", sealed)).isEqualTo(PKCS8);
        assertThatThrownBy(() -> vault.open(8, "1a2b", sealed)).isInstanceOf(KeyVault.VaultException.class);
        assertThatThrownBy(() -> vault.open(7, "1a2c", sealed)).isInstanceOf(KeyVault.VaultException.class);
    }

    @Test
    void everySealUsesAFreshDataKeyAndIv() {
        KeyVault vault = new KeyVault(new KeyEncryptionKeys(kek(), List.of()));
        SealedKey a = vault.seal(1, "s", PKCS8);
        SealedKey b = vault.seal(1, "s", PKCS8);
        assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
        assertThat(a.wrappedDek()).isNotEqualTo(b.wrappedDek());
    }

    @Test
    void rotationRewrapsUnderTheNewKekWithoutTouchingTheKey() {
        byte[] oldKek = kek();
        byte[] newKek = kek();
        SealedKey sealed = new KeyVault(new KeyEncryptionKeys(oldKek, List.of())).seal(3, "ff", PKCS8);

        KeyVault during = new KeyVault(new KeyEncryptionKeys(newKek, List.of(oldKek)));
        assertThat(during.open(3, "ff", sealed)).as("old records still open during the rotation").isEqualTo(PKCS8);
        SealedKey rewrapped = during.rewrap(sealed);
        assertThat(rewrapped.kekId()).isEqualTo(during.currentKekId()).isNotEqualTo(sealed.kekId());
        assertThat(rewrapped.ciphertext()).isEqualTo(sealed.ciphertext());

        KeyVault after = new KeyVault(new KeyEncryptionKeys(newKek, List.of()));
        assertThat(after.open(3, "ff", rewrapped)).isEqualTo(PKCS8);
        assertThatThrownBy(() -> after.open(3, "ff", sealed)).hasMessageContaining("not configured");
    }

    @Test
    void aKekMustBe32Bytes() {
        assertThatThrownBy(() -> KeyEncryptionKeys.fromBase64("c2hvcnQ=", List.of())).hasMessageContaining("32 bytes");
    }
}
