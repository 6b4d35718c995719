package io.billflow.certificate.npki;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Password handling without ever making a {@code String} of it. */
final class Passwords {

    private Passwords() {
    }

    /**
     * The UTF-8 bytes the KISA derivations hash (PyPinkSign and jPinkSign feed UTF-8, in practice ASCII). The
     * caller owns and must zero the result. A password that is not valid UTF-16 (a lone surrogate) cannot be the
     * one the file was made with.
     */
    static byte[] utf8(char[] password) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer encoded;
        try {
            encoded = encoder.encode(CharBuffer.wrap(password));
        } catch (CharacterCodingException e) {
            throw new WrongPasswordException();
        }
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        Arrays.fill(encoded.array(), (byte) 0);
        return bytes;
    }
}
