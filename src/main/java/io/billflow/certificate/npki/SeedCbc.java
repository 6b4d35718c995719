package io.billflow.certificate.npki;

import java.util.Arrays;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SEEDEngine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/** SEED-128 in CBC mode with PKCS#5 padding on BouncyCastle's lightweight engine. */
final class SeedCbc {

    static final int BLOCK_SIZE = 16;

    private SeedCbc() {
    }

    /**
     * Decrypts and removes the padding. A valid padding proves nothing about the key: about one wrong key in 256
     * ends in the byte 0x01 (docs/reference/pki.md §5.4), so callers must still check what comes out.
     *
     * @throws InvalidCipherTextException when the padding is not valid
     * @throws IllegalArgumentException   when the ciphertext is not a whole, non-zero number of blocks
     */
    static byte[] decrypt(byte[] key, byte[] iv, byte[] ciphertext) throws InvalidCipherTextException {
        if (ciphertext.length == 0 || ciphertext.length % BLOCK_SIZE != 0) {
            throw new IllegalArgumentException("ciphertext is not a whole number of SEED blocks");
        }
        PaddedBufferedBlockCipher cipher =
                new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(new SEEDEngine()), new PKCS7Padding());
        cipher.init(false, new ParametersWithIV(new KeyParameter(key), iv));
        byte[] buffer = new byte[cipher.getOutputSize(ciphertext.length)];
        try {
            int length = cipher.processBytes(ciphertext, 0, ciphertext.length, buffer, 0);
            length += cipher.doFinal(buffer, length);
            return Arrays.copyOf(buffer, length);
        } finally {
            Arrays.fill(buffer, (byte) 0);
        }
    }
}
