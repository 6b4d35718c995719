package io.billflow.certificate.npki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HexFormat;

/** Checks that an exception, its messages and its whole stack trace say nothing secret. */
final class SecretLeakAssertions {

    private SecretLeakAssertions() {
    }

    static void assertMentionsNoSecret(CertificateFileException exception, String password, byte[]... secrets) {
        StringWriter trace = new StringWriter();
        exception.printStackTrace(new PrintWriter(trace));
        String everything = exception.getMessage() + "\n" + exception.messageKo() + "\n" + exception.messageEn()
                + "\n" + trace;
        assertThat(everything).doesNotContain(password);
        for (byte[] secret : secrets) {
            if (secret != null) {
                String hex = HexFormat.of().formatHex(secret);
                assertThat(everything.toLowerCase()).doesNotContain(hex.substring(0, 16));
            }
        }
    }
}
