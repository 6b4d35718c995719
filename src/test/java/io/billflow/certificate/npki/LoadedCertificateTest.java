package io.billflow.certificate.npki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import io.billflow.certificate.testpki.TestPki;
import io.billflow.certificate.testpki.TestPki.EndEntity;
import io.billflow.certificate.testpki.TestPki.KeyFormat;

class LoadedCertificateTest {

    private final EndEntity endEntity = TestPki.endEntity().build();

    @Test
    void close_zeroes_the_key_and_r_and_forbids_further_use() {
        LoadedCertificate loaded = new NpkiReader().readPair(endEntity.certificateDer(),
                endEntity.signPriKey(KeyFormat.PBES2_SEED, TestPki.password()), TestPki.password());
        byte[] key = loaded.privateKeyInfo();
        byte[] r = loaded.randomNumber();
        assertThat(key).isEqualTo(endEntity.privateKeyInfo());

        loaded.close();

        assertThat(key).containsOnly(0);
        assertThat(r).hasSize(20).containsOnly(0);
        assertThat(loaded.isDestroyed()).isTrue();
        assertThatThrownBy(loaded::privateKeyInfo).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(loaded::randomNumber).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(loaded::toPrivateKey).isInstanceOf(IllegalStateException.class);
        assertThat(loaded.certificate()).isEqualTo(endEntity.certificate());
    }

    @Test
    void to_string_names_the_certificate_but_shows_no_key_material() {
        try (LoadedCertificate loaded = new NpkiReader().readPair(endEntity.certificateDer(),
                endEntity.signPriKey(KeyFormat.SEED_LEGACY, TestPki.password()), TestPki.password())) {
            String text = loaded.toString();

            assertThat(text).contains("TESTBANK").contains("SEED_LEGACY");
            assertThat(text.toLowerCase())
                    .doesNotContain(HexFormat.of().formatHex(endEntity.randomNumber()).substring(0, 12));
        }
    }
}
