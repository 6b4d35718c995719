package io.billflow.certificate.npki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SEEDEngine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/** RFC 4269 §2 test vector: key 0¹⁶, plaintext 00..0F, ciphertext 5EBAC6E0054E166819AFF1CC6D346CDB. */
class SeedKnownAnswerTest {

    private static final byte[] KEY = new byte[16];
    private static final byte[] PLAINTEXT = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] CIPHERTEXT = HexFormat.of().parseHex("5ebac6e0054e166819aff1cc6d346cdb");

    @Test
    void bouncy_castle_seed_engine_matches_the_rfc_4269_vector_both_ways() {
        SEEDEngine engine = new SEEDEngine();
        byte[] out = new byte[16];

        engine.init(true, new KeyParameter(KEY));
        engine.processBlock(PLAINTEXT, 0, out, 0);
        assertThat(out).isEqualTo(CIPHERTEXT);

        engine.init(false, new KeyParameter(KEY));
        engine.processBlock(CIPHERTEXT, 0, out, 0);
        assertThat(out).isEqualTo(PLAINTEXT);
    }

    @Test
    void our_seed_cbc_decrypts_what_the_jce_seed_cipher_encrypts_starting_with_the_vector_block() throws Exception {
        byte[] zeroIv = new byte[16];
        Cipher cipher = Cipher.getInstance("SEED/CBC/PKCS5Padding", BouncyCastle.PROVIDER);
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "SEED"), new IvParameterSpec(zeroIv));
        byte[] encrypted = cipher.doFinal(PLAINTEXT);

        // With a zero IV the first CBC block is the plain block cipher output: the RFC vector.
        assertThat(encrypted).hasSize(32).startsWith(CIPHERTEXT);
        assertThat(SeedCbc.decrypt(KEY, zeroIv, encrypted)).isEqualTo(PLAINTEXT);
    }

    @Test
    void a_bad_padding_and_a_partial_block_are_refused() {
        byte[] zeroIv = new byte[16];
        // The vector block alone decrypts to 00..0F, whose last byte 0x0F is not a valid padding here.
        assertThatThrownBy(() -> SeedCbc.decrypt(KEY, zeroIv, CIPHERTEXT))
                .isInstanceOf(InvalidCipherTextException.class);
        assertThatThrownBy(() -> SeedCbc.decrypt(KEY, zeroIv, new byte[15]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
